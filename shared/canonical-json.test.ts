import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalJson } from './canonical-json.ts';

test("canonical JSON ignores key order at every depth, as PostgreSQL's jsonb reorders keys, and still tells values apart", () => {
  assert.is(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } }), canonicalJson({ a: { c: 3, d: [2, { e: 0, f: 1 }] }, b: 1 }));
  assert.is.not(canonicalJson({ a: 1 }), canonicalJson({ a: 2 }));
  assert.is.not(canonicalJson([1, 2]), canonicalJson([2, 1]), 'arrays keep their order');
});

test.run();
