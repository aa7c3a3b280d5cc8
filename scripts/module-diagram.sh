#!/usr/bin/env bash
# Rewrites docs/modules from the code (Spring Modulith's Documenter, run by ModuleStructureTest) and renders
# the overview to SVG with PlantUML (MIT build, its own Java layout engine: no Graphviz needed).
set -euo pipefail
cd "$(dirname "$0")/.."
PLANTUML_VERSION=1.2026.10
mvn -B -q -ntp test -Dtest=ModuleStructureTest#theCommittedDiagramIsTheCurrentMap -Dsurefire.failIfNoSpecifiedTests=false \
  >/dev/null 2>&1 || true   # fails while docs/modules is stale: that is why we are here
mkdir -p docs/modules
rm -f docs/modules/*.puml
cp target/spring-modulith-docs/*.puml docs/modules/
mvn -B -q -ntp dependency:copy -Dartifact=net.sourceforge.plantuml:plantuml-mit:$PLANTUML_VERSION \
  -DoutputDirectory=target/plantuml >/dev/null
# smetana: PlantUML's built-in layout, so the render needs only Java
sed '1a !pragma layout smetana' docs/modules/components.puml > target/plantuml/components.puml
java -Djava.awt.headless=true -jar target/plantuml/plantuml-mit-$PLANTUML_VERSION.jar -tsvg -o "$PWD/docs/modules" \
  target/plantuml/components.puml
echo "docs/modules: $(ls docs/modules | wc -l) files; overview docs/modules/components.svg"
