# Buckets JFR execution samples of the EAMS app by what they were doing (used by profile-batch.sh).
# Input: `jfr print --events jdk.ExecutionSample --stack-depth 200 FILE`. The first matching frame,
# from the top of the stack down, decides; patterns are heuristics on Neo4j 5.26 / EAMS class names.
/jdk.ExecutionSample/ {inS=1; th=""; n=0; next}
inS && /sampledThread/ {th=$0; sub(/.*= "/,"",th); sub(/".*/,"",th); gsub(/-[0-9]+$/,"",th)}
inS && /line:/ { f=$0; sub(/^ +/,"",f); sub(/\(.*/,"",f); n++; frames[n]=f }
inS && /^}/ {
  inS=0; total++
  cat="";
  for (i=1;i<=n && cat=="";i++) {
    f=frames[i]
    if (f ~ /KernelTransactionImplementation\.commit|TransactionImpl\.commit|\.commit$/) cat="neo4j commit (apply to store + indexes)"
    else if (f ~ /CypherPlanner|frontend\.phases|compiler\.CypherPlanner|logical\.plans|ast\.|planner\.spi/) cat="neo4j cypher planning/parsing"
    else if (f ~ /relationshipIndexSeek|RelationshipIndexIterator|RelationshipIndexCursor/) cat="neo4j relationship index seek (r.id IN $ids)"
    else if (f ~ /nodeIndexSeek|lockingNodeUniqueIndexSeek|nodeLockingUniqueIndexSeek|UniqueIndexSeek|NodeIndexIterator|NodeIndexCursor/) cat="neo4j node index seek (id lookups)"
    else if (f ~ /setProperties|setProperty|nodeApplyChanges|createNodeId|createRelationshipId|relationshipCreate|nodeCreate/) cat="neo4j create/set (tx state)"
    else if (f ~ /packstream|bolt\.protocol\.common\.message\.decoder|PackstreamBuf|StructRegistry|ValueReader|\.unpack/) cat="neo4j bolt decode of parameters"
    else if (f ~ /bolt.*(encoder|Writer)|\.pack[A-Z]/) cat="bolt encode"
  }
  if (cat=="") {
    for (i=1;i<=n && cat=="";i++) {
      f=frames[i]
      if (f ~ /cypher\.internal\.runtime/) cat="neo4j cypher runtime (other)"
    }
  }
  if (th ~ /executor-thread/) {
    sub2="";
    for (i=1;i<=n && sub2=="";i++) {
      f=frames[i]
      if (f ~ /ModelStore\.takenIds/) sub2="EAMS takenIds (driver wait/encode)"
      else if (f ~ /ChangeLog\.write/) sub2="EAMS ChangeLog.write (driver)"
      else if (f ~ /ModelBatch\.toJson|ModelBatch\.change/) sub2="EAMS change JSON (Jackson)"
      else if (f ~ /ModelBatch\.check|ConceptRules/) sub2="EAMS rules (check)"
      else if (f ~ /ModelStore\.create/) sub2="EAMS ModelStore.create* (driver)"
      else if (f ~ /BatchResource\.operation|JsonInput|ConceptInput/) sub2="EAMS reading operations (JsonInput)"
      else if (f ~ /fasterxml.*(Deserializ|ReaderBased|UTF8StreamJsonParser|ObjectMapper\.read|JsonNode)/) sub2="Jackson parse request"
      else if (f ~ /fasterxml.*Serializ|JsonGenerator/) sub2="Jackson write"
    }
    if (sub2=="") sub2="executor other"
    cat="[request thread] " sub2
  } else if (th !~ /BoltWorker/) {
    cat="[" th "]"
  } else if (cat=="") cat="neo4j other"
  c[cat]++
}
END {
  for (k in c) printf "%5d %5.1f%%  %s\n", c[k], 100 * c[k] / total, k | "sort -rn"
  close("sort -rn")
  printf "%5d samples in total\n", total
}
