#!/bin/sh
# Look at a rendered DOCX as a person would: LibreOffice → PDF → one PNG per page.
#   tools/preview-docx.sh plan.docx [outdir] [dpi]
# Needs LibreOffice Writer and poppler-utils (Debian: libreoffice-writer poppler-utils).
#
# Fonts: LibreOffice replaces Times New Roman by Liberation Serif. Debian's Liberation Serif
# (1.07) lacks most Vietnamese letters with two marks (ậ, ộ, ữ, ư …); they then fall back,
# glyph by glyph, to DejaVu Serif, which looks different and breaks lines elsewhere. Install
# fonts-croscore (Tinos, the other metric twin of Times New Roman, which has them) or
# Microsoft's Times New Roman before judging the page. This script warns when DejaVu shows up.
set -eu
docx=${1:?usage: tools/preview-docx.sh FILE.docx [OUTDIR] [DPI]}
out=${2:-$(dirname "$docx")}
dpi=${3:-60}
mkdir -p "$out"
# A private profile: a running LibreOffice of the user must not block the conversion.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
pdf="$out/$(basename "${docx%.*}").pdf"
rm -f "$pdf"
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$docx" \
    >"$profile/log" 2>&1 || true
[ -s "$pdf" ] || { cat "$profile/log" >&2; echo "conversion failed" >&2; exit 1; }
pdfinfo "$pdf" | grep -E '^(Pages|Page size):'
if pdffonts "$pdf" | grep -q DejaVu; then
    echo "warning: some letters fell back to DejaVu (install fonts-croscore or Times New Roman)" >&2
fi
pdftoppm -png -r "$dpi" "$pdf" "${pdf%.pdf}"
ls "${pdf%.pdf}"-*.png
