#!/usr/bin/env bash
# usage: compare.sh <base-tree> <new-tree> [sets...]
# Runs both checkouts' CLI (pupil-name findings, school roster) over the blind sets and probes and
# lists every sentence whose verdict changed, marked worse (a must-block weaker, a must-not-block
# blocked, a flag passing, a probe weaker than its floor) or better. Exit 0 always: a measurement.
set -euo pipefail
base=$1; new=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=("$here"/s*-posts.jsonl "$here"/review-*-probe.jsonl)
tmp=$(mktemp -d)
cat "${sets[@]}" > "$tmp/all.jsonl"
node -e 'const fs=require("fs");for(const l of fs.readFileSync(process.argv[1],"utf8").split("\n")){if(!l.trim())continue;const p=JSON.parse(l);console.log(JSON.stringify({id:p.id,text:p.text,attachments:[],confirmed:[]}))}' "$tmp/all.jsonl" > "$tmp/in.jsonl"
for side in base new; do
  tree=$base; [ $side = new ] && tree=$new
  (cd "$tree" && npm run -s guard -- check --roster tests/fixtures/school/roster.csv < "$tmp/in.jsonl" > "$tmp/$side.jsonl") || true
done
node -e '
const fs=require("fs");
const read=(f)=>fs.readFileSync(f,"utf8").split("\n").filter(l=>l.trim()).map(l=>JSON.parse(l));
const posts=new Map(read(process.argv[1]).map(p=>[p.id,p]));
const verdict=(r)=>{const f=r.findings.filter(x=>x.rule==="pupil-name");return f.some(x=>x.severity==="block")?"block":f.length?"warn":"pass"};
const rank={pass:0,warn:1,block:2};
const base=new Map(read(process.argv[2]).map(r=>[r.id,verdict(r)]));
let worse=0,better=0,other=0;
for(const r of read(process.argv[3])){
  const p=posts.get(r.id);const b=base.get(r.id);const n=verdict(r);if(b===n)continue;
  const floorKey=Object.keys(p).find(k=>k.startsWith("verdict_"));
  const expect=p.kind??p.expect??(floorKey?"floor "+p[floorKey]:"?");
  let mark="changed";
  if(expect==="must-block")mark=rank[n]<rank[b]?"WORSE":"better";
  else if(expect==="must-not-block")mark=n==="block"?"WORSE":b==="block"?"better":"changed";
  else if(expect==="flag")mark=n==="pass"?"WORSE":b==="pass"?"better":"changed";
  else if(floorKey)mark=rank[n]<rank[p[floorKey]]?"WORSE":"changed";
  if(mark==="WORSE")worse++;else if(mark==="better")better++;else other++;
  console.log([mark,p.id,expect,b+" -> "+n,p.text].join("\t"));
}
console.log(`# ${worse} worse, ${better} better, ${other} other changes`);
' "$tmp/all.jsonl" "$tmp/base.jsonl" "$tmp/new.jsonl"
rm -rf "$tmp"
