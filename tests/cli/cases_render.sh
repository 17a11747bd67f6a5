# End-to-end cases of `wardmap render` (briefing maps): the files a person would get, checked with
# the tools a person would open them with (pdfinfo, xmllint) and by their bytes (PNG header).
# Needs poppler-utils and libxml2-utils (tools/setup.sh installs both).
# shellcheck shell=bash disable=SC2154

# png_size FILE : "WIDTHxHEIGHT" from the PNG's IHDR chunk (bytes 16-23, big-endian).
png_size() {
    local b
    read -r -a b < <(od -An -tu1 -j16 -N8 "$1")
    echo "$(((b[0] << 24) + (b[1] << 16) + (b[2] << 8) + b[3]))x$(((b[4] << 24) + (b[5] << 16) + (b[6] << 8) + b[7]))"
}

# pdf_field FILE FIELD : a field of pdfinfo, e.g. Pages.
pdf_field() {
    pdfinfo "$1" 2>/dev/null | sed -n "s/^$2: *//p"
}

# expect_pdf_pages FILE COUNT WHAT : pdfinfo counts COUNT pages in FILE.
expect_pdf_pages() {
    local pages
    pages=$(pdf_field "$1" Pages)
    [[ $pages == "$2" ]] || fail "$1 has ${pages:-no} pages for $2 $3"
}

# expect_page_mentions FILE PAGE PHRASE... : the text of page PAGE of FILE holds every phrase.
expect_page_mentions() {
    local file=$1 page=$2 phrase
    shift 2
    pdftotext -f "$page" -l "$page" "$file" log/page.txt 2>/dev/null || { fail "pdftotext cannot read page $page of $file"; return; }
    for phrase in "$@"; do
        grep -qF -- "$phrase" log/page.txt || fail "page $page of $file does not mention '$phrase'"
    done
}

# The plan's command units and dated phases, counted from the table itself.
plan_units() { tail -n +2 "$PLAN" | cut -d, -f3 | grep -v -e '^-$' -e '^$' | sort -u | wc -l; }
plan_phases() { tail -n +2 "$PLAN" | cut -d, -f6 | grep -v '^$' | sort -u | wc -l; }

case_render_png_a4_300dpi() {
    wm render -o out/map.png --date "1 January 2019"
    expect_ok
    expect_stdout "wrote out/map.png" "PNG"
    [[ $(head -c 8 out/map.png | od -An -tx1 | tr -d ' ') == 89504e470d0a1a0a ]] || fail "out/map.png is not a PNG"
    [[ $(png_size out/map.png) == 2480x3508 ]] || fail "A4 at 300 dpi should be 2480x3508 pixels, got $(png_size out/map.png)"
}

case_render_png_dpi_and_landscape() {
    wm render -o out/map.png --dpi 100 --landscape --page A3
    expect_ok
    [[ $(png_size out/map.png) == 1654x1169 ]] || fail "A3 landscape at 100 dpi should be 1654x1169, got $(png_size out/map.png)"
}

case_render_pdf_is_one_vector_page() {
    wm render -o out/map.pdf --title "Twelve BCUs"
    expect_ok
    expect_pdf_pages out/map.pdf 1 "map"
    pdf_field out/map.pdf "Page size" | grep -q "595.276 x 841.89" || fail "map.pdf is not A4 portrait: $(pdf_field out/map.pdf 'Page size')"
    # Vector: no raster image anywhere in the page.
    [[ $(pdfimages -list out/map.pdf 2>/dev/null | tail -n +3 | wc -l) == 0 ]] || fail "map.pdf embeds raster images"
}

case_render_svg_parses() {
    wm render -o out/map.svg --theme phase
    expect_ok
    xmllint --noout out/map.svg 2>log/xmllint || fail "map.svg does not parse: $(head -3 log/xmllint)"
    grep -qE 'width="595\.27[0-9]*pt" height="841\.88[0-9]*pt"' out/map.svg || fail "map.svg is not A4 in points"
    grep -q '<path' out/map.svg || fail "map.svg has no paths"
}

case_render_atlas_one_page_per_command_unit() {
    wm render -o out/atlas.pdf --atlas bcu
    expect_ok
    expect_stdout "atlas by command unit"
    expect_pdf_pages out/atlas.pdf "$(plan_units)" "command units"
    # Page 2 is Central North, its table lists Cantelowes, and it carries the attribution.
    expect_page_mentions out/atlas.pdf 2 "Central North (CN)" "E05000131" "Contains National Statistics and Ordnance Survey data"
}

case_render_atlas_one_page_per_phase() {
    wm render -o out/phases.pdf --atlas phase
    expect_ok
    expect_stdout "atlas by rollout phase"
    expect_pdf_pages out/phases.pdf "$(plan_phases)" "rollout phases"
    expect_page_mentions out/phases.pdf 1 "January 2017"  # the pathfinders come first
}

case_render_phase_atlas_needs_phases() {
    make_plan in/plan.csv
    wm render --plan in/plan.csv -o out/phases.pdf --atlas phase
    expect_error 3 "no command unit has a go-live phase" "phase"
}

case_render_atlas_refuses_png() {
    wm render -o out/atlas.png --atlas bcu
    expect_error 3 "write the atlas as .pdf"
}

case_render_unknown_format() {
    wm render -o out/map.jpg
    expect_error 3 ".pdf, .svg or .png"
}

case_render_officers_needs_its_tables() {  # rules weighting a pool by crime, naming no table, no --crime
    printf '[[pool]]\nname = "R"\nposts = 50\nweight = "crime"\n' >in/rules.toml
    wm render -o out/map.png --theme officers --rules in/rules.toml
    expect_error 3 "the crime figures are needed but no table was given" "--crime"
    [[ -e out/map.png ]] && fail "out/map.png was written"
    return 0
}

case_render_officers_theme() {  # allocated as `wardmap allocate` does; one class per band of BCU totals
    wm render -o out/map.png --theme officers --dpi 72 --json \
        --crime "$DATA/london/mps-ward-crime-2017-03-to-2019-02.csv" \
        --population "$DATA/london/ward-profiles-2015.csv" --name-fallback
    expect_ok
    expect_stdout '"theme": "Officers of the command unit"'
    # five quantile classes of the 629 wards in a command unit (the City's 25 have no value); the
    # top class ends at West's 231 officers, as `wardmap allocate` gives with these tables
    local classes wards
    classes=$(grep -c '"label"' log/stdout)
    wards=$(sed -n 's/.*"wards": \([0-9]*\).*/\1/p' log/stdout | awk '{s += $1} END {print s}')
    [[ $classes == 5 ]] || fail "expected 5 legend classes, got $classes"
    [[ $wards == 629 ]] || fail "the legend classes hold $wards wards, expected 629"
    expect_stdout '"label": "224 – 231"'
    [[ $(png_size out/map.png) == 595x842 ]] || fail "A4 at 72 dpi should be 595x842, got $(png_size out/map.png)"
}

case_render_unknown_theme_lists_fields() {
    wm render -o out/map.png --theme Popluation
    expect_error 3 "no such theme or field" "Hectares"
}

case_render_keeps_existing_output() {
    echo "keep me" >out/map.pdf
    wm render -o out/map.pdf
    expect_exit 5
    expect_wardmap_message
    [[ $(cat out/map.pdf) == "keep me" ]] || fail "an existing map.pdf was replaced without --overwrite"
    wm render -o out/map.pdf --overwrite
    expect_ok
    expect_pdf_pages out/map.pdf 1 "map written with --overwrite"
}

case_render_json_legend_counts() {
    wm render -o out/map.svg --json
    expect_ok
    expect_json
    expect_stdout '"format": "SVG"' '"label": "Central North"' '"wards": 34' '"pages": 1'
}

case_render_field_theme_from_2018_wards() {
    wm render "$TAB2018" -o out/map.png --dpi 50 --theme HECTARES
    expect_ok
    expect_stdout "theme HECTARES: 5 classes"
}

# colour_pixels PNG RRGGBB : how many pixels of the PNG have exactly this colour (GDAL writes the
# pixels raw, one RGB triple a line for od).
colour_pixels() {
    gdal_translate -q -of ENVI -co INTERLEAVE=BIP -b 1 -b 2 -b 3 "$1" log/pixels.raw >/dev/null ||
        { fail "gdal_translate cannot read $1"; return; }
    od -An -v -tx1 -w3 log/pixels.raw | tr -d ' ' | grep -c "^$2\$"
}

# A command unit recoloured in the plan (Central North to magenta, as the planner saves a colour
# picked for it) prints in that colour; and the tidal Thames is drawn in its blue-grey
# (render/context/river.h: #aac1d5), over the wards that reach to the middle of the river.
case_render_prints_the_plans_colours_and_the_river() {
    sed 's/,CN,Central North,#[0-9a-fA-F]\{6\},/,CN,Central North,#ff00ff,/' "$PLAN" > in/plan.csv
    grep -q ',CN,Central North,#ff00ff,' in/plan.csv || fail "the plan has no Central North row to recolour"
    wm render --plan in/plan.csv -o out/map.png --dpi 100
    expect_ok
    local magenta water
    magenta=$(colour_pixels out/map.png ff00ff)
    water=$(colour_pixels out/map.png aac1d5)
    # Camden and Islington are about 2 % of London: thousands of pixels on an A4 page at 100 dpi.
    ((magenta > 2000)) || fail "only $magenta pixels of Central North's #ff00ff"
    # The river: 21 km² of London's 1,572, a few hundred pixels at this scale.
    ((water > 200)) || fail "only $water pixels of the river's blue-grey"
}
