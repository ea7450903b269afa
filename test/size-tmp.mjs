import { appBytes, budgetOverReference } from './bench/sizes.mjs'

const a = appBytes()
const ref = 147765
console.log(
  JSON.stringify(a),
  'room',
  Object.fromEntries(Object.entries(a.initial).map(([k, v]) => [k, ref + budgetOverReference - v])),
)
