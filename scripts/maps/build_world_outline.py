"""Write alliance/core/world_outline.py: the land outline and a point in each country, for
alliance/core/maps.py.

Source: the TopoJSON files of the npm package world-atlas 2.0.2 (ISC licence, Mike Bostock),
which are Natural Earth's 1:110m land and 1:10m admin-0 countries; Natural Earth is in the
public domain (https://www.naturalearthdata.com/about/terms-of-use/). To regenerate:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .tools/bin/uv run python scripts/maps/build_world_outline.py package/ > alliance/core/world_outline.py

The outline is simplified (Douglas-Peucker, tolerance ``TOLERANCE`` degrees), islands smaller
than ``MIN_AREA`` square degrees and Antarctica are dropped, and coordinates are kept in tenths
of a degree, so that the inline SVG of a map stays a few kilobytes compressed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django_countries.data import ALT_CODES

TOLERANCE = 0.45
MIN_AREA = 1.2
#: The parts of a country kept on the map of regions: a small island state keeps its largest part.
COUNTRY_MIN_AREA = 0.5
SOUTHMOST = -60.0

Point = tuple[float, float]
#: Member States that world-atlas does not draw at 1:10m: their point from Natural Earth's
#: populated places (the Vatican City).
EXTRA_POINTS = {"VA": (12.5, 41.9)}


def decode_arcs(topology: dict) -> list[list[Point]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def area(points: list[Point]) -> float:
    edges = zip(points, points[1:] + points[:1], strict=True)
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in edges) / 2


def centroid(points: list[Point]) -> Point:
    a = area(points)
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        cx, cy = cx + (x1 + x2) * cross, cy + (y1 + y2) * cross
    return cx / (6 * a), cy / (6 * a)


def _distance(p: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, without recursion."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, largest = 0, 0.0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > largest:
                index, largest = i, d
        if largest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def crosses_antimeridian(points: list[Point]) -> bool:
    return any(abs(x1 - x2) > 180 for (x1, _y1), (x2, _y2) in zip(points, points[1:], strict=False))


def unwrapped(points: list[Point]) -> list[Point]:
    """The ring made continuous: past each jump across the antimeridian, longitudes go on beyond
    ±180° instead of jumping to the other edge of the map."""
    result, offset = [points[0]], 0.0
    for (x1, _y1), (x2, y2) in zip(points, points[1:], strict=False):
        if x2 - x1 > 180:
            offset -= 360
        elif x1 - x2 > 180:
            offset += 360
        result.append((x2 + offset, y2))
    return result


def clip(points: list[Point], *, limit: float, keep_below: bool) -> list[Point]:
    """Sutherland-Hodgman against the meridian ``limit``: the part west (``keep_below``) or east of it."""
    def inside(point: Point) -> bool:
        return point[0] <= limit if keep_below else point[0] >= limit

    result: list[Point] = []
    for current, following in zip(points, points[1:] + points[:1], strict=True):
        if inside(current):
            result.append(current)
        if inside(current) != inside(following):
            (x1, y1), (x2, y2) = current, following
            result.append((limit, y1 + (y2 - y1) * (limit - x1) / (x2 - x1)))
    return result


def split_at_antimeridian(points: list[Point]) -> list[list[Point]]:
    """A ring that crosses the antimeridian becomes its parts on either side of it."""
    if not crosses_antimeridian(points):
        return [points]
    whole = unwrapped(points)
    parts = []
    for shift in (-360, 0, 360):
        part = [(x + shift, y) for x, y in whole]
        part = clip(clip(part, limit=180, keep_below=True), limit=-180, keep_below=False) if part else []
        if len(part) >= 3:
            parts.append(part)
    return parts


def simplify_ring(points: list[Point], tolerance: float) -> list[Point]:
    """A closed ring is cut at the point farthest from its first, and each half simplified."""
    if points[0] == points[-1]:
        points = points[:-1]
    (x0, y0) = points[0]
    far = max(range(len(points)), key=lambda i: (points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2)
    return simplify(points[: far + 1], tolerance)[:-1] + simplify(points[far:] + points[:1], tolerance)[:-1]


def land_rings(folder: Path) -> list[str]:
    topology = json.loads((folder / "land-110m.json").read_text())
    arcs = decode_arcs(topology)
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry):
            whole = ring(arcs, polygon[0])
            if max(y for _x, y in whole) < SOUTHMOST:
                continue
            for outer in split_at_antimeridian(whole):
                if abs(area(outer)) < MIN_AREA:
                    continue
                simple = simplify_ring(outer, TOLERANCE)
                if len(simple) >= 3:
                    rings.append(" ".join(f"{round(x * 10)},{round(y * 10)}" for x, y in simple))
    return rings


def country_points(folder: Path) -> dict[str, Point]:
    """The centroid of each country's largest part, by ISO 3166 alpha-2 code."""
    numeric_to_alpha2 = {f"{numeric:03d}": code for code, (_alpha3, numeric) in ALT_CODES.items() if numeric}
    topology = json.loads((folder / "countries-10m.json").read_text())
    arcs = decode_arcs(topology)
    points = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = numeric_to_alpha2.get(str(geometry.get("id", "")))
        outers = [ring(arcs, polygon[0]) for polygon in polygons(geometry)]
        outers = [unwrapped(r) if crosses_antimeridian(r) else r for r in outers]
        largest = max(outers, key=lambda r: abs(area(r)), default=None)
        if code and largest and area(largest):
            x, y = centroid(largest)
            points[code] = (round((x + 180) % 360 - 180, 1), round(y, 1))
    return dict(sorted({**points, **EXTRA_POINTS}.items()))


def _simplified_arcs(arcs: list[list[Point]], tolerance: float) -> list[list[Point]]:
    """Each arc simplified once, its ends kept: two neighbours share the very same border."""
    result = []
    for arc in arcs:
        if len(arc) > 3 and arc[0] == arc[-1]:
            result.append(simplify_ring(arc, tolerance) + [arc[0]])
        else:
            result.append(simplify(arc, tolerance) if len(arc) > 2 else arc)
    return result


def country_shapes(folder: Path) -> dict[str, list[str]]:
    """The outer rings of each country in the 1:110m admin-0 countries, by alpha-2 code, from
    arcs simplified once (no gap or overlap between neighbours); parts smaller than
    ``COUNTRY_MIN_AREA`` are dropped, except a country's largest part."""
    numeric_to_alpha2 = {f"{numeric:03d}": code for code, (_alpha3, numeric) in ALT_CODES.items() if numeric}
    topology = json.loads((folder / "countries-110m.json").read_text())
    arcs = _simplified_arcs(decode_arcs(topology), TOLERANCE)
    shapes: dict[str, list[str]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = numeric_to_alpha2.get(str(geometry.get("id", "")))
        if not code:
            continue
        parts = []
        for polygon in polygons(geometry):
            whole = ring(arcs, polygon[0])
            if max(y for _x, y in whole) < SOUTHMOST:
                continue
            parts += [part for part in split_at_antimeridian(whole) if len(part) >= 3]
        largest = max(parts, key=lambda r: abs(area(r)), default=None)
        kept = [part for part in parts if part is largest or abs(area(part)) >= COUNTRY_MIN_AREA]
        if kept:
            shapes[code] = [" ".join(f"{round(x * 10)},{round(y * 10)}" for x, y in part) for part in kept]
    return dict(sorted(shapes.items()))


def main(folder: Path) -> None:
    rings = land_rings(folder)
    points = country_points(folder)
    shapes = country_shapes(folder)
    print("# ruff: noqa: E501")
    print('"""The world for alliance/core/maps.py.')
    print("Generated by scripts/maps/build_world_outline.py: do not edit.")
    print()
    print("Derived from Natural Earth (public domain: naturalearthdata.com) through the npm package")
    print("world-atlas 2.0.2 (ISC licence): the 1:110m land, simplified, without Antarctica, a point in")
    print("each country (the centroid of its largest part in the 1:10m admin-0 countries) and each")
    print("country's outline (the 1:110m admin-0 countries, simplified along shared borders).")
    print('"""')
    print()
    print('#: Land, one ring a string of "longitude,latitude" pairs in tenths of a degree.')
    print("LAND = (")
    for line in rings:
        print(f'    "{line}",')
    print(")")
    print()
    print("#: A point in each country, (longitude, latitude) in degrees, by ISO 3166-1 alpha-2 code.")
    print("COUNTRY_POINTS = {")
    for code, (x, y) in points.items():
        print(f'    "{code}": ({x}, {y}),')
    print("}")
    print()
    print("#: Each country's outline (its larger parts), rings as in LAND, by ISO 3166-1 alpha-2 code.")
    print("COUNTRY_SHAPES = {")
    for code, parts in shapes.items():
        print(f'    "{code}": (' + "".join(f'"{part}", ' for part in parts).rstrip(" ") + "),")
    print("}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
