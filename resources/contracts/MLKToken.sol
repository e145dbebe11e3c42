// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title MiL.k (MLK)
/// @notice The MiL.k alliance coin: a plain OpenZeppelin 5 ERC-20 with 18 decimals and a fixed
///         supply minted once, at deployment, to `recipient`. No owner, no minting, no pausing.
contract MLKToken is ERC20 {
    constructor(address recipient, uint256 supply) ERC20("MiL.k", "MLK") {
        _mint(recipient, supply);
    }
}
