// Compile resources/contracts/MLKToken.sol with the pinned solc from npm and write the
// artifact (ABI + bytecode) beside it. `--check` rebuilds in memory and fails if the committed
// artifact differs, so CI proves the artifact comes from the source.
//
// Reproducibility: the compiler version, optimizer settings and EVM version are pinned, and the
// CBOR metadata hash is disabled (bytecodeHash "none"), so the bytecode depends only on the
// source text and these settings, not on file paths or the machine.
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const solc = require("solc");
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = "MLKToken.sol";
const sourcePath = join(root, "resources", "contracts", SOURCE);
const artifactPath = join(root, "resources", "contracts", "MLKToken.json");
const EXPECTED_COMPILER = "0.8.30";
const EVM_VERSION = "prague";
const OPTIMIZER = { enabled: true, runs: 200 };

function findImport(path) {
  const candidate = join(root, "node_modules", path);
  if (existsSync(candidate)) return { contents: readFileSync(candidate, "utf8") };
  return { error: `not found: ${path}` };
}

const version = solc.version();
if (!version.startsWith(EXPECTED_COMPILER + "+")) {
  console.error(`solc ${version} found, ${EXPECTED_COMPILER} pinned: run npm ci`);
  process.exit(2);
}
const source = readFileSync(sourcePath, "utf8");
const input = {
  language: "Solidity",
  sources: { [SOURCE]: { content: source } },
  settings: {
    optimizer: OPTIMIZER,
    evmVersion: EVM_VERSION,
    metadata: { bytecodeHash: "none", appendCBOR: false },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
const errors = (output.errors || []).filter((e) => e.severity === "error");
if (errors.length) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}
const contract = output.contracts[SOURCE].MLKToken;
const artifact = {
  contractName: "MLKToken",
  compiler: `solc ${version}`,
  evmVersion: EVM_VERSION,
  optimizer: OPTIMIZER,
  openzeppelin: require(join(root, "node_modules/@openzeppelin/contracts/package.json")).version,
  sourceSha256: createHash("sha256").update(source).digest("hex"),
  abi: contract.abi,
  bytecode: "0x" + contract.evm.bytecode.object,
  deployedBytecode: "0x" + contract.evm.deployedBytecode.object,
};
const text = JSON.stringify(artifact, null, 2) + "\n";

if (process.argv.includes("--check")) {
  const committed = existsSync(artifactPath) ? readFileSync(artifactPath, "utf8") : "";
  if (committed !== text) {
    console.error("resources/contracts/MLKToken.json does not match a fresh build of " +
                  "MLKToken.sol; run `npm run build-contract` and commit the result.");
    process.exit(1);
  }
  console.log(`MLKToken.json matches a fresh build (${version}, ${EVM_VERSION}).`);
} else {
  writeFileSync(artifactPath, text);
  console.log(`wrote ${artifactPath} (${version}, ${EVM_VERSION}, ` +
              `${(artifact.deployedBytecode.length - 2) / 2} bytes deployed)`);
}
