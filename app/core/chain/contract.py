"""The MLK token's compiled artifact (resources/contracts/MLKToken.json, built by
scripts/build_contract.mjs from MLKToken.sol and checked in CI)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from app.core.resources import resource_path


@dataclass(frozen=True)
class Artifact:
    abi: list
    bytecode: str
    deployed_bytecode: str
    compiler: str
    evm_version: str


@cache
def load_artifact() -> Artifact:
    doc = json.loads(resource_path("contracts", "MLKToken.json").read_text(encoding="utf-8"))
    return Artifact(doc["abi"], doc["bytecode"], doc["deployedBytecode"], doc["compiler"],
                    doc["evmVersion"])
