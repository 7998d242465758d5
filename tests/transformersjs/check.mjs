// Compatibility check: transformers.js must load the responder folder and produce the same greedy
// tokens as our C# generator. The C# goldens (expected/<model>.json) are written and verified by
// CustomerService.Nlu.Tests (TransformersJsGoldenTests), so C# == golden == transformers.js.
//   node tests/transformersjs/check.mjs [--model models/responder]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { here, parseArgs, loadModel, greedy } from './common.mjs';

const args = parseArgs(process.argv.slice(2));
const name = path.basename(args.model);
const goldenFile = path.join(here, 'expected', `${name}.json`);
const golden = JSON.parse(fs.readFileSync(goldenFile, 'utf8'));
const { model, absolute } = await loadModel(args.model);
const onnx = fs.readFileSync(path.join(absolute, 'onnx', 'model.onnx'));
const sha = crypto.createHash('sha256').update(onnx).digest('hex');
if (sha !== golden.modelSha256) {
  console.error(`${goldenFile} was written for another model file (sha256 ${golden.modelSha256}, now ${sha}); rerun the C# golden test with NLU_UPDATE_GOLDENS set`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
const results = [];
for (const [i, prompt] of golden.prompts.entries()) {
  const tokens = await greedy(model, prompt.ids, golden.steps);
  const same = JSON.stringify(tokens) === JSON.stringify(prompt.greedy);
  results.push({ ids: prompt.ids, greedy: tokens });
  if (same) {
    passed++;
  } else {
    failed++;
    console.error(`prompt ${i}: transformers.js ${JSON.stringify(tokens)}\n          C#              ${JSON.stringify(prompt.greedy)}`);
  }
}

if (args.out) {
  fs.writeFileSync(args.out, JSON.stringify({ model: name, steps: golden.steps, results }, null, 1));
}
console.log(`transformers.js greedy vs C# on ${name}: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
