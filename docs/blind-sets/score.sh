#!/usr/bin/env bash
# usage: score-blind.sh <worktree> <posts.jsonl> [details-out]
set -euo pipefail
tree=$1; posts=$2; out=${3:-/dev/null}
cd "$tree"
node -e 'const fs=require("fs");for(const l of fs.readFileSync(process.argv[1],"utf8").split("\n")){if(!l.trim())continue;const p=JSON.parse(l);console.log(JSON.stringify({id:p.id,text:p.text,attachments:[],confirmed:[]}))}' "$posts" \
 | npm run -s guard -- check --roster tests/fixtures/school/roster.csv > /tmp/score-verdicts.$$.jsonl || true
node -e '
const fs=require("fs");
const posts=new Map(fs.readFileSync(process.argv[1],"utf8").split("\n").filter(l=>l.trim()).map(l=>{const p=JSON.parse(l);return [p.id,p]}));
const rows=fs.readFileSync(process.argv[2],"utf8").split("\n").filter(l=>l.trim()).map(l=>JSON.parse(l));
const tally={};const details=[];
for(const r of rows){const p=posts.get(r.id);const f=r.findings.filter(x=>x.rule==="pupil-name");
 const v=f.some(x=>x.severity==="block")?"block":f.length?"warn":"pass";
 const k=p.kind;const key=k+" / "+p.sub;
 for(const kk of [k,key]){tally[kk]??={block:0,warn:0,pass:0};tally[kk][v]++;}
 const bad=(k==="must-block"&&v!=="block")||(k==="must-not-block"&&v==="block")||(k==="flag"&&v==="pass");
 if(bad)details.push(`${p.id}\t${k}\t${v}\t${p.pupil||""}\t${p.text}\t${f.map(x=>x.message).join(" | ")}`);}
for(const [k,t] of Object.entries(tally).sort())console.log(k.padEnd(40),"block",t.block,"warn",t.warn,"pass",t.pass);
fs.writeFileSync(process.argv[3],details.join("\n")+"\n");console.log("misjudged:",details.length);
' "$posts" /tmp/score-verdicts.$$.jsonl "$out"
rm -f /tmp/score-verdicts.$$.jsonl
