import { buildFloor } from "./scripts/bench/floor.mjs";
console.log(buildFloor());
