#!/usr/bin/env bash
# Renders the demo Word reports to PNG so people can look at them (not part of the test suite).
# Needs LibreOffice and poppler: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk
# The .docx files come from the report tests (ReportDocumentTest, AvailabilityAndStatisticsTest),
# which write them to target/report-sample/; this script runs those two tests, then converts
# each report: LibreOffice → PDF → one PNG per page under target/report-sample/png/.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "缺少 LibreOffice（soffice）：apt-get install -y libreoffice-writer-nogui" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "缺少 pdftoppm：apt-get install -y poppler-utils" >&2; exit 1; }
mvn -q -o test-compile
mvn -q -o surefire:test -Dtest='ReportDocumentTest,AvailabilityAndStatisticsTest'
out=target/report-sample/png
rm -rf "$out" && mkdir -p "$out"
for docx in target/report-sample/*.docx; do
  timeout 180 soffice --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null
  pdf="$out/$(basename "${docx%.docx}").pdf"
  pdftoppm -png -r "${DPI:-60}" "$pdf" "${pdf%.pdf}"
done
echo "已生成：" && ls "$out"/*.png
