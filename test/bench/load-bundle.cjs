// npm run bench, start-up: what loading the CLI bundle costs by itself, as bin/dti.js loads it
// (Node's compile cache on where Node has it), and nothing run.
'use strict';
require('node:module').enableCompileCache?.();
require(process.argv[2]);
