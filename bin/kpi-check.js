#!/usr/bin/env node
'use strict';
require('../dist-cli/src/cli/kpi-check.js').run();
