#!/usr/bin/python3
"""A GeoPackage written by wardmap, opened with QGIS's own Python API (Debian's python3-qgis):
every layer comes up in its default style from layer_styles (command units categorised on the
unit code in the plan's colours and labelled with their names, boroughs and wards as outlines),
and a QGIS rendering of it shows each command unit's wards in that unit's colour.

    check_styles.py GPKG PLAN_CSV PNG [--expect-phases] [--expect-officers]

Exit 0 when every check passes, 1 with the failed checks listed otherwise.
"""
import csv
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp())  # private (0700), as Qt wants

from qgis.core import (  # noqa: E402  (the platform must be set first)
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize, Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402
from qgis.PyQt.QtXml import QDomDocument  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def open_layer(gpkg, name):
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    check(layer.isValid(), f"QGIS cannot open layer {name}")
    return layer


def style_rows(gpkg):
    """(f_table_name, styleName, useAsDefault) of every row of layer_styles."""
    table = open_layer(gpkg, "layer_styles")
    return [(f["f_table_name"], f["styleName"], bool(f["useAsDefault"])) for f in table.getFeatures()]


def plan_colours(plan_csv):
    """unit_code -> (#rrggbb, unit_name) from the plan table."""
    colours = {}
    with open(plan_csv, newline="", encoding="utf-8") as table:
        for row in csv.DictReader(table):
            if row["unit_code"] not in ("", "-"):
                colours[row["unit_code"]] = (row["colour"].lower(), row["unit_name"])
    return colours


def check_command_units(layer, plan):
    renderer = layer.renderer()
    if not check(isinstance(renderer, QgsCategorizedSymbolRenderer),
                 f"command_units: renderer is {renderer.type()}, not categorised"):
        return
    check(renderer.classAttribute() == "code", f"command_units: categorised on {renderer.classAttribute()}, not code")
    got = {c.value(): (c.symbol().color().name(), c.label()) for c in renderer.categories()}
    check(got == plan, f"command_units: categories {sorted(got.items())} are not the plan's {sorted(plan.items())}")
    check(layer.labelsEnabled(), "command_units: labels are off")
    labeling = layer.labeling()
    check(labeling is not None and labeling.settings().fieldName == "name",
          "command_units: not labelled with the name field")


def command_units_outline(gpkg):
    """The command units as bold outlines over another theme."""
    layer = open_layer(gpkg, "command_units")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "26,26,26,255", "outline_width": "0.6"})))
    return layer


def check_outline(layer, name):
    renderer = layer.renderer()
    if not check(isinstance(renderer, QgsSingleSymbolRenderer), f"{name}: renderer is {renderer.type()}, not one outline symbol"):
        return
    fill = renderer.symbol().symbolLayer(0)
    check(fill.brushStyle() == Qt.NoBrush, f"{name}: filled ({fill.brushStyle()}), not an outline")


def named_style(gpkg, layer_name, style_name, renderer_type, attribute):
    """A further style of layer_styles, applied as QGIS's Style Manager would: the layer with it."""
    table = open_layer(gpkg, "layer_styles")
    qml = [f["styleQML"] for f in table.getFeatures() if f["f_table_name"] == layer_name and f["styleName"] == style_name]
    if not check(len(qml) == 1, f"layer_styles: {len(qml)} row(s) of '{style_name}' for {layer_name}"):
        return None
    layer = open_layer(gpkg, layer_name)
    document = QDomDocument()
    document.setContent(qml[0])
    ok, message = layer.importNamedStyle(document)
    check(ok, f"{layer_name}: QGIS cannot read '{style_name}': {message}")
    renderer = layer.renderer()
    check(isinstance(renderer, renderer_type) and renderer.classAttribute() == attribute,
          f"{layer_name}: '{style_name}' is {renderer.type()} on {getattr(renderer, 'classAttribute', lambda: '-')()}, "
          f"not {renderer_type.__name__} on {attribute}")
    return layer


def render(layers, extent, png):
    settings = QgsMapSettings()
    settings.setLayers(layers)  # first drawn last: command units at the bottom
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputSize(QSize(1200, 900))
    settings.setDestinationCrs(layers[-1].crs())
    settings.setExtent(extent)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    check(image.save(png, "PNG"), f"cannot save {png}")
    return image, settings


def check_picture(image, settings, units, plan):
    """Each ward's point on its surface, where no label is, shows its command unit's colour."""
    to_pixel = settings.mapToPixel()
    per_unit = {}
    for ward in units.getFeatures():
        code = ward["cu_code"]
        if code not in plan:
            continue
        point = to_pixel.transform(ward.geometry().pointOnSurface().asPoint())
        colour = image.pixelColor(int(point.x()), int(point.y())).name()
        hits, total = per_unit.get(code, (0, 0))
        per_unit[code] = (hits + (colour == plan[code][0]), total + 1)
    for code, (hits, total) in sorted(per_unit.items()):
        # Lines and labels cover some points; the unit's own colour must be most of them.
        check(hits >= 0.6 * total, f"picture: {code} shows its colour {plan[code][0]} at {hits} of its {total} wards")
    check(len(per_unit) == len(plan), f"picture: {len(per_unit)} command units found, {len(plan)} planned")


def run_checks(gpkg, plan_csv, png, flags):
    rows = style_rows(gpkg)
    for layer_name in ("units", "parents", "command_units"):
        defaults = [r for r in rows if r[0] == layer_name and r[2]]
        check(len(defaults) == 1, f"layer_styles: {len(defaults)} default style(s) for {layer_name}")
    names = {r[1] for r in rows}
    if "--expect-phases" in flags:
        check("wardmap go-live phase" in names, "layer_styles: no go-live phase style")
    if "--expect-officers" in flags:
        check("wardmap officers" in names, "layer_styles: no officers style")

    plan = plan_colours(plan_csv)
    units, parents, command_units = (open_layer(gpkg, n) for n in ("units", "parents", "command_units"))
    check_command_units(command_units, plan)
    check_outline(units, "units")
    check_outline(parents, "parents")
    if "--expect-phases" in flags:
        phases = named_style(gpkg, "units", "wardmap go-live phase", QgsCategorizedSymbolRenderer, "live_date")
        if phases:
            check(len(phases.renderer().categories()) >= 2, "units: fewer than two go-live phases")
            render([parents, command_units_outline(gpkg), phases], phases.extent(), png.replace(".png", "-phases.png"))
    if "--expect-officers" in flags:
        named_style(gpkg, "units", "wardmap officers", QgsGraduatedSymbolRenderer, "dwo")
        officers = named_style(gpkg, "command_units", "wardmap officers", QgsGraduatedSymbolRenderer, "officers")
        if officers:
            ranges = officers.renderer().ranges()
            values = [f["officers"] for f in officers.getFeatures()]
            check(ranges and ranges[0].lowerValue() <= min(values) and ranges[-1].upperValue() >= max(values),
                  f"command_units: officer classes {[(r.lowerValue(), r.upperValue()) for r in ranges]} do not span {min(values)}-{max(values)}")

    image, settings = render([units, parents, command_units], command_units.extent(), png)
    check_picture(image, settings, units, plan)


def main():
    gpkg, plan_csv, png = sys.argv[1:4]
    app = QgsApplication([], False)
    app.initQgis()
    run_checks(gpkg, plan_csv, png, set(sys.argv[4:]))  # every layer gone before QGIS is
    app.exitQgis()
    for failure in failures:
        print("FAIL:", failure)
    print("qgis styles:", "passed" if not failures else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
