import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { SourceMapConsumer } from 'source-map-js'
const dir = '/tmp/smap/assets'
const file = readdirSync(dir).find((f) => /^index-.*\.js$/.test(f))
const code = readFileSync(`${dir}/${file}`, 'utf8')
const map = new SourceMapConsumer(JSON.parse(readFileSync(`${dir}/${file}.map`, 'utf8')))
const lines = code.split('\n')
const bytes = new Map()
let last = null
const mappings = []
map.eachMapping((m) => mappings.push(m))
mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn)
for (let i = 0; i < mappings.length; i++) {
  const m = mappings[i], n = mappings[i + 1]
  const end = n && n.generatedLine === m.generatedLine ? n.generatedColumn : lines[m.generatedLine - 1].length
  const src = (m.source || '?').replace(/.*node_modules\//, 'nm/').replace(/.*\/src\//, 'src/')
  bytes.set(src, (bytes.get(src) ?? '') + lines[m.generatedLine - 1].slice(m.generatedColumn, end))
}
const rows = [...bytes].map(([s, t]) => [s, t.length, gzipSync(t, { level: 9 }).length]).sort((a, b) => b[1] - a[1])
for (const r of rows.filter((r) => r[0].startsWith('src/'))) console.log(r.join('\t'))
console.log('total raw', code.length)
