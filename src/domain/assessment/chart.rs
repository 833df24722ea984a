//! Geometry of the result charts (radar, paradox chart, self-versus-observers map), kept apart
//! from the components so that it is tested natively. Everything here is plain arithmetic on
//! SVG user units; the components only lay the returned shapes out.
//!
//! Conventions:
//! - The radar is centred on the origin: axis 0 points to 12 o'clock and the axes follow
//!   clockwise, evenly spaced. Values are read on `[min, max]` (clamped) from the centre
//!   (`min`) to `radius` (`max`). SVG's y axis points down, so 12 o'clock is `(0, −r)`.
//! - **Missing values break the outline.** A series with every value present is one closed
//!   polygon (which may be filled). When a value is missing, the outline is *not* drawn through
//!   the centre (that would read as a minimum score): the two segments touching that axis are
//!   left out, only neighbouring axes that both have a value are joined, nothing is filled, and
//!   every present value keeps its marker (see [`series_shape`]).
//! - Coordinates are rounded to a thousandth of a unit, so quarter turns land exactly on
//!   `(0, −r)`, `(r, 0)`, `(0, r)`, `(−r, 0)` and path strings stay short.

use super::gaps::{GAP_FROM, HIGH_FROM};
use std::f64::consts::TAU;

/// A point in SVG user units.
pub type Point = (f64, f64);

/// A paradox reads as balanced while its two poles are less than this many POMP points apart.
pub const BALANCED_WITHIN: f64 = 15.0;

/// Average advance of a character, as a share of the font size, used to estimate text widths:
/// about a bold DejaVu Sans (among the widest system sans-serifs), so that estimates err on the
/// wide side with Roboto, San Francisco or Segoe UI.
pub const CHAR_WIDTH: f64 = 0.62;

/// Rounds to a thousandth and turns `-0` into `0`.
fn snap(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0 + 0.0
}

/// A number for an SVG attribute or path: at most two decimals, no trailing zeros, no `-0`.
/// Integer arithmetic rather than float formatting, which would add ~12 KB to the bundle.
pub fn svg_number(v: f64) -> String {
    let s = crate::domain::text::decimal(v, 2);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s {
        "" | "-0" => "0".to_owned(),
        _ => s.to_owned(),
    }
}

/// Where `value` lies on `[min, max]`, from 0 to 1 (clamped; 0 for a degenerate scale or a
/// value that is not a number).
pub fn fraction(value: f64, min: f64, max: f64) -> f64 {
    if min.is_nan() || max.is_nan() || max <= min || !value.is_finite() {
        return 0.0;
    }
    ((value - min) / (max - min)).clamp(0.0, 1.0)
}

/// The point at distance `r` from the centre on axis `axis_index` of `axes`.
pub fn polar(axis_index: usize, axes: usize, r: f64) -> Point {
    if axes == 0 {
        return (0.0, 0.0);
    }
    let angle = TAU * axis_index as f64 / axes as f64;
    (snap(r * angle.sin()), snap(-r * angle.cos()))
}

/// The radar point of `value` (on `[min, max]`) on axis `axis_index` of `axes`: axis 0 at
/// 12 o'clock, clockwise, the centre at the origin, `max` at `radius`.
pub fn radar_point(
    axis_index: usize,
    axes: usize,
    value: f64,
    min: f64,
    max: f64,
    radius: f64,
) -> Point {
    polar(axis_index, axes, radius * fraction(value, min, max))
}

/// `M x y L x y … Z`: a closed polygon through `points` (empty for no point).
pub fn polygon_path(points: &[Point]) -> String {
    let mut d = open_path(points);
    if !d.is_empty() {
        d.push('Z');
    }
    d
}

/// `M x y L x y …`: an open line through `points`.
pub fn open_path(points: &[Point]) -> String {
    let mut d = String::new();
    for (k, (x, y)) in points.iter().enumerate() {
        d.push(if k == 0 { 'M' } else { 'L' });
        d.push_str(&svg_number(*x));
        d.push(' ');
        d.push_str(&svg_number(*y));
    }
    d
}

/// A series drawn on the radar.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesShape {
    /// SVG path data: one closed polygon when every value is present; otherwise one open
    /// sub-path per run of neighbouring present values (a lone value draws no line).
    pub path: String,
    /// True when the polygon is complete, and so may be filled.
    pub closed: bool,
    /// One marker per present value: its axis and position.
    pub points: Vec<(usize, Point)>,
}

/// The shape of a series of values (one per axis, `None` when not scored). Missing values
/// break the outline rather than pulling it to the centre (see the module documentation).
pub fn series_shape(values: &[Option<f64>], min: f64, max: f64, radius: f64) -> SeriesShape {
    let n = values.len();
    let at = |i: usize| values[i].map(|v| radar_point(i, n, v, min, max, radius));
    let points: Vec<(usize, Point)> = (0..n).filter_map(|i| at(i).map(|p| (i, p))).collect();
    if points.len() == n && n > 0 {
        let ring: Vec<Point> = points.iter().map(|(_, p)| *p).collect();
        return SeriesShape {
            path: polygon_path(&ring),
            closed: true,
            points,
        };
    }
    let mut path = String::new();
    // Start just after a missing axis, so that a run crossing axis 0 stays in one piece.
    if let Some(gap) = values.iter().position(Option::is_none) {
        let mut run: Vec<Point> = Vec::new();
        for k in 1..=n {
            match at((gap + k) % n) {
                Some(p) => run.push(p),
                None => {
                    if run.len() >= 2 {
                        path.push_str(&open_path(&run));
                    }
                    run.clear();
                }
            }
        }
    }
    SeriesShape {
        path,
        closed: false,
        points,
    }
}

/// A grid ring: the polygon joining `value` on every axis.
pub fn grid_ring(axes: usize, value: f64, min: f64, max: f64, radius: f64) -> String {
    let ring: Vec<Point> = (0..axes)
        .map(|i| radar_point(i, axes, value, min, max, radius))
        .collect();
    polygon_path(&ring)
}

/// The spokes: one line from the centre to `radius` on every axis.
pub fn spokes(axes: usize, radius: f64) -> String {
    (0..axes)
        .map(|i| {
            let (x, y) = polar(i, axes, radius);
            format!("M0 0L{} {}", svg_number(x), svg_number(y))
        })
        .collect()
}

/// The acceptable band as a ring: the outer polygon through each axis's upper bound and the
/// inner one, wound the other way, through its lower bound, so that the inside is a hole under
/// either fill rule. One `(low, high)` pair per axis, in axis order; bounds given the wrong way
/// round are swapped. Empty with fewer than three axes.
pub fn band_path(band: &[(f64, f64)], min: f64, max: f64, radius: f64) -> String {
    let n = band.len();
    if n < 3 {
        return String::new();
    }
    let (mut outer, mut inner) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for (i, (lo, hi)) in band.iter().enumerate() {
        let (lo, hi) = if lo <= hi { (*lo, *hi) } else { (*hi, *lo) };
        outer.push(radar_point(i, n, hi, min, max, radius));
        inner.push(radar_point(i, n, lo, min, max, radius));
    }
    inner.reverse();
    let mut d = polygon_path(&outer);
    d.push_str(&polygon_path(&inner));
    d
}

/// SVG `text-anchor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// Where an axis label goes: its point just outside the radar, its anchor, and how its block
/// of lines sits against the point (`lift`: 0 = the block ends on the point, i.e. above it;
/// 1 = the block starts on it, below; 0.5 = centred on it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelSpot {
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub lift: f64,
}

/// The label spot of axis `axis_index` of `axes`, `distance` from the centre: labels on the
/// right start at their point, those on the left end there, those at 12 and 6 o'clock are
/// centred; top labels sit above their point, bottom ones below, side ones level with it.
pub fn label_spot(axis_index: usize, axes: usize, distance: f64) -> LabelSpot {
    let (x, y) = polar(axis_index, axes, distance);
    let (sin, cos) = if axes == 0 {
        (0.0, 1.0)
    } else {
        let angle = TAU * axis_index as f64 / axes as f64;
        (angle.sin(), angle.cos())
    };
    let anchor = if sin.abs() < 0.05 {
        Anchor::Middle
    } else if sin > 0.0 {
        Anchor::Start
    } else {
        Anchor::End
    };
    LabelSpot {
        x,
        y,
        anchor,
        lift: snap((1.0 - cos) / 2.0),
    }
}

/// The baselines of `lines` lines of text whose block sits at `y` with `lift` (see
/// [`LabelSpot`]): the block is `lines × line_height` tall, and a line's baseline lies
/// `0.8 × font_size` below the line's top (with the rest of the line height shared above and
/// below the glyphs).
pub fn block_baselines(
    y: f64,
    lift: f64,
    lines: usize,
    font_size: f64,
    line_height: f64,
) -> Vec<f64> {
    let height = lines as f64 * line_height;
    let top = y - height * (1.0 - lift);
    let first = top + (line_height - font_size) / 2.0 + 0.8 * font_size;
    (0..lines)
        .map(|k| snap(first + k as f64 * line_height))
        .collect()
}

/// Splits `text` on spaces into at most two lines. Text of at most `split_over` characters
/// stays on one line; longer text is split where its two lines are the most even (so a label
/// is as narrow as it can be). A line still longer than `cut_over` characters (a very long
/// word, or a long label) is cut with an ellipsis; the full text belongs in the chart's table.
pub fn wrap_label(text: &str, split_over: usize, cut_over: usize) -> Vec<String> {
    let cut_over = cut_over.max(2);
    let cut = |s: &str| -> String {
        if s.chars().count() <= cut_over {
            s.to_owned()
        } else {
            let mut t: String = s.chars().take(cut_over - 1).collect();
            t = t.trim_end().to_owned();
            t.push('…');
            t
        }
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return Vec::new();
    }
    let whole = words.join(" ");
    if words.len() == 1 || whole.chars().count() <= split_over {
        return vec![cut(&whole)];
    }
    let best = (1..words.len())
        .min_by_key(|k| {
            let first = words[..*k].join(" ").chars().count();
            let second = words[*k..].join(" ").chars().count();
            // The longer line first, then prefer the longer first line on a tie.
            (first.max(second), second)
        })
        .unwrap_or(1);
    vec![cut(&words[..best].join(" ")), cut(&words[best..].join(" "))]
}

/// Estimated width of `text` at `font_size` (see [`CHAR_WIDTH`]).
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * CHAR_WIDTH * font_size
}

/// An SVG `viewBox`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl ViewBox {
    /// The `viewBox` attribute.
    pub fn attr(&self) -> String {
        format!(
            "{} {} {} {}",
            svg_number(self.x),
            svg_number(self.y),
            svg_number(self.width),
            svg_number(self.height)
        )
    }
}

/// The radar's view box: the circle of `radius` and every axis label (already wrapped, one
/// list of lines per axis, placed with [`label_spot`] at `radius + gap`), plus `padding`.
pub fn radar_view(
    labels: &[Vec<String>],
    radius: f64,
    gap: f64,
    font_size: f64,
    line_height: f64,
    padding: f64,
) -> ViewBox {
    let (mut x0, mut y0, mut x1, mut y1) = (-radius, -radius, radius, radius);
    let n = labels.len();
    for (i, lines) in labels.iter().enumerate() {
        if lines.is_empty() {
            continue;
        }
        let spot = label_spot(i, n, radius + gap);
        let width = lines
            .iter()
            .map(|l| text_width(l, font_size))
            .fold(0.0, f64::max);
        let (left, right) = match spot.anchor {
            Anchor::Start => (spot.x, spot.x + width),
            Anchor::Middle => (spot.x - width / 2.0, spot.x + width / 2.0),
            Anchor::End => (spot.x - width, spot.x),
        };
        let height = lines.len() as f64 * line_height;
        let top = spot.y - height * (1.0 - spot.lift);
        x0 = x0.min(left);
        x1 = x1.max(right);
        y0 = y0.min(top);
        y1 = y1.max(top + height);
    }
    ViewBox {
        x: snap(x0 - padding),
        y: snap(y0 - padding),
        width: snap(x1 - x0 + 2.0 * padding),
        height: snap(y1 - y0 + 2.0 * padding),
    }
}

/// One paradox's diverging bar: pole A grows leftwards from the centre line, pole B
/// rightwards, 0 to 100 POMP over `half_width` on each side.
#[derive(Clone, Debug, PartialEq)]
pub struct ParadoxBar {
    /// Pole A's bar: left edge and width (`None` when not scored).
    pub a: Option<(f64, f64)>,
    /// Pole B's bar: left edge (the centre) and width.
    pub b: Option<(f64, f64)>,
    /// The held level (the lower pole) marked on both sides: left and right x.
    pub held: Option<(f64, f64)>,
    /// The observers' markers: x on pole A's side and on pole B's side.
    pub observers_a: Option<f64>,
    pub observers_b: Option<f64>,
}

/// The bar of a paradox scored `a` and `b` (POMP, `None` = not scored), with the observers'
/// means when there are some, around the centre line at `centre`.
pub fn paradox_bar(
    a: Option<f64>,
    b: Option<f64>,
    observers_a: Option<f64>,
    observers_b: Option<f64>,
    centre: f64,
    half_width: f64,
) -> ParadoxBar {
    let len = |v: f64| snap(half_width * fraction(v, 0.0, 100.0));
    let held = match (a, b) {
        (Some(a), Some(b)) => {
            let h = len(a.min(b));
            Some((snap(centre - h), snap(centre + h)))
        }
        _ => None,
    };
    ParadoxBar {
        a: a.map(|v| (snap(centre - len(v)), len(v))),
        b: b.map(|v| (snap(centre), len(v))),
        held,
        observers_a: observers_a.map(|v| snap(centre - len(v))),
        observers_b: observers_b.map(|v| snap(centre + len(v))),
    }
}

/// Which way a paradox leans, in POMP points (`a − b`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lean {
    /// The poles are less than [`BALANCED_WITHIN`] apart.
    Balanced,
    /// Leans to pole A by this many points.
    ToA(f64),
    /// Leans to pole B by this many points.
    ToB(f64),
}

/// Reads the lean of a paradox scored `a` and `b` (POMP).
pub fn lean(a: f64, b: f64) -> Lean {
    let d = a - b;
    if d.abs() < BALANCED_WITHIN {
        Lean::Balanced
    } else if d > 0.0 {
        Lean::ToA(d)
    } else {
        Lean::ToB(-d)
    }
}

/// The square plot of the self-versus-observers map: self on x (0 at `left`, 100 at
/// `left + size`), the observers' mean on y (100 at `top`, 0 at `top + size`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plot {
    pub left: f64,
    pub top: f64,
    pub size: f64,
}

impl Plot {
    /// The x of a self score (POMP, clamped to 0–100).
    pub fn x(&self, pomp: f64) -> f64 {
        snap(self.left + self.size * fraction(pomp, 0.0, 100.0))
    }

    /// The y of an observers' score (POMP, clamped to 0–100).
    pub fn y(&self, pomp: f64) -> f64 {
        snap(self.top + self.size * (1.0 - fraction(pomp, 0.0, 100.0)))
    }

    /// The point of a facet scored `self_pomp` by the candidate and `observers_pomp` by the
    /// observers.
    pub fn point(&self, self_pomp: f64, observers_pomp: f64) -> Point {
        (self.x(self_pomp), self.y(observers_pomp))
    }

    /// The two dividing lines, at [`HIGH_FROM`] on each scale.
    pub fn dividers(&self) -> String {
        let (x, y) = (self.x(HIGH_FROM), self.y(HIGH_FROM));
        format!(
            "M{} {}V{}M{} {}H{}",
            svg_number(x),
            svg_number(self.top),
            svg_number(self.top + self.size),
            svg_number(self.left),
            svg_number(y),
            svg_number(self.left + self.size)
        )
    }

    /// The agreement band around the diagonal, where `|self − observers| < GAP_FROM`,
    /// clipped to the square.
    pub fn agreement_band(&self) -> String {
        let g = GAP_FROM;
        let corners = [
            (0.0, 0.0),
            (g, 0.0),
            (100.0, 100.0 - g),
            (100.0, 100.0),
            (100.0 - g, 100.0),
            (0.0, g),
        ];
        let ring: Vec<Point> = corners.iter().map(|(s, o)| self.point(*s, *o)).collect();
        polygon_path(&ring)
    }

    /// Grid lines every `step` POMP points, inside the square (not on its edges).
    pub fn grid(&self, step: f64) -> String {
        let mut d = String::new();
        if step <= 0.0 {
            return d;
        }
        let mut v = step;
        while v < 100.0 {
            d.push_str(&format!(
                "M{} {}V{}M{} {}H{}",
                svg_number(self.x(v)),
                svg_number(self.top),
                svg_number(self.top + self.size),
                svg_number(self.left),
                svg_number(self.y(v)),
                svg_number(self.left + self.size)
            ));
            v += step;
        }
        d
    }
}

/// Positions for numbered markers of diameter `gap` at `points`, moved apart where they would
/// overlap: each marker keeps its point when it is free, otherwise takes the first free spot
/// on rings of `gap`, `2 × gap`, … around it (eight directions, starting up and to the right),
/// staying inside `bounds` (`x0, y0, x1, y1`). A marker that finds no free spot within four
/// rings keeps its point. The caller draws a leader line from a moved marker to its point.
pub fn dodge(points: &[Point], gap: f64, bounds: (f64, f64, f64, f64)) -> Vec<Point> {
    let (x0, y0, x1, y1) = bounds;
    let inside = |(x, y): Point| x >= x0 && x <= x1 && y >= y0 && y <= y1;
    let mut placed: Vec<Point> = Vec::with_capacity(points.len());
    for &p in points {
        let free = |q: Point, placed: &[Point]| {
            placed
                .iter()
                .all(|o| (o.0 - q.0).hypot(o.1 - q.1) >= gap - 1e-9)
        };
        let mut spot = p;
        if !free(p, &placed) {
            'search: for ring in 1..=4 {
                for k in 0..8 {
                    // Up and to the right first, then clockwise.
                    let angle = TAU * (k as f64 + 0.5) / 8.0 - TAU / 4.0;
                    let r = gap * ring as f64;
                    let q = (snap(p.0 + r * angle.cos()), snap(p.1 + r * angle.sin()));
                    if inside(q) && free(q, &placed) {
                        spot = q;
                        break 'search;
                    }
                }
            }
        }
        placed.push(spot);
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_axes_at_max_land_on_the_compass_points() {
        let r = 100.0;
        let pts: Vec<Point> = (0..4)
            .map(|i| radar_point(i, 4, 5.0, 1.0, 5.0, r))
            .collect();
        assert_eq!(
            pts,
            [(0.0, -100.0), (100.0, 0.0), (0.0, 100.0), (-100.0, 0.0)]
        );
        // Halfway on the scale is half the radius; min is the centre; values are clamped.
        assert_eq!(radar_point(1, 4, 3.0, 1.0, 5.0, r), (50.0, 0.0));
        assert_eq!(radar_point(2, 4, 1.0, 1.0, 5.0, r), (0.0, 0.0));
        assert_eq!(radar_point(3, 4, 9.0, 1.0, 5.0, r), (-100.0, 0.0));
        assert_eq!(radar_point(0, 4, -3.0, 0.0, 100.0, r), (0.0, 0.0));
        // A degenerate scale or a NaN puts the point at the centre.
        assert_eq!(radar_point(0, 4, 3.0, 5.0, 5.0, r), (0.0, 0.0));
        assert_eq!(radar_point(0, 4, f64::NAN, 0.0, 1.0, r), (0.0, 0.0));
    }

    #[test]
    fn six_axes_go_clockwise_from_noon() {
        // Axis 1 of 6 is at 60°: (r sin 60°, −r cos 60°).
        let (x, y) = radar_point(1, 6, 100.0, 0.0, 100.0, 100.0);
        assert_eq!((x, y), (86.603, -50.0));
        assert_eq!(radar_point(3, 6, 100.0, 0.0, 100.0, 100.0), (0.0, 100.0));
        assert_eq!(
            radar_point(5, 6, 100.0, 0.0, 100.0, 100.0),
            (-86.603, -50.0)
        );
    }

    #[test]
    fn a_complete_series_is_one_closed_polygon() {
        let values = [Some(100.0), Some(50.0), Some(100.0), Some(0.0)];
        let s = series_shape(&values, 0.0, 100.0, 100.0);
        assert!(s.closed);
        assert_eq!(s.path, "M0 -100L50 0L0 100L0 0Z");
        assert_eq!(s.points.len(), 4);
        assert_eq!(s.points[1], (1, (50.0, 0.0)));
    }

    #[test]
    fn a_missing_value_breaks_the_outline_instead_of_going_through_the_centre() {
        // Axis 1 missing: only 2–3–0 remain joined (one run crossing axis 0), no fill.
        let values = [Some(100.0), None, Some(100.0), Some(100.0)];
        let s = series_shape(&values, 0.0, 100.0, 100.0);
        assert!(!s.closed);
        assert_eq!(s.path, "M0 100L-100 0L0 -100");
        assert_eq!(
            s.points,
            [(0, (0.0, -100.0)), (2, (0.0, 100.0)), (3, (-100.0, 0.0))]
        );
        // Alternate values missing: lone points, no line at all.
        let values = [Some(100.0), None, Some(100.0), None];
        let s = series_shape(&values, 0.0, 100.0, 100.0);
        assert_eq!(s.path, "");
        assert_eq!(s.points.len(), 2);
        // Two runs.
        let values = [
            Some(100.0),
            Some(100.0),
            None,
            Some(100.0),
            Some(100.0),
            None,
        ];
        let s = series_shape(&values, 0.0, 100.0, 100.0);
        assert_eq!(s.path.matches('M').count(), 2);
        // Nothing scored.
        let s = series_shape(&[None, None, None], 0.0, 1.0, 10.0);
        assert_eq!((s.path.as_str(), s.points.len(), s.closed), ("", 0, false));
    }

    #[test]
    fn band_is_an_outer_ring_with_an_inner_hole_wound_the_other_way() {
        let band = [(2.0, 4.0), (3.0, 5.0), (1.0, 3.0), (4.0, 2.0)];
        assert_eq!(
            band_path(&band, 1.0, 5.0, 100.0),
            // outer: 4, 5, 3, 4 → 75, 100, 50, 75; inner reversed: axes 3, 2, 1, 0 at 2, 1, 3, 2.
            "M0 -75L100 0L0 50L-75 0ZM-25 0L0 0L50 0L0 -25Z"
        );
        assert_eq!(band_path(&band[..2], 1.0, 5.0, 100.0), "");
    }

    #[test]
    fn grid_rings_and_spokes() {
        assert_eq!(
            grid_ring(4, 50.0, 0.0, 100.0, 80.0),
            "M0 -40L40 0L0 40L-40 0Z"
        );
        assert_eq!(spokes(4, 10.0), "M0 0L0 -10M0 0L10 0M0 0L0 10M0 0L-10 0");
    }

    #[test]
    fn labels_are_anchored_by_side_and_lifted_by_height() {
        let top = label_spot(0, 4, 110.0);
        assert_eq!(
            (top.x, top.y, top.anchor, top.lift),
            (0.0, -110.0, Anchor::Middle, 0.0)
        );
        let right = label_spot(1, 4, 110.0);
        assert_eq!(
            (right.x, right.y, right.anchor, right.lift),
            (110.0, 0.0, Anchor::Start, 0.5)
        );
        let bottom = label_spot(2, 4, 110.0);
        assert_eq!((bottom.anchor, bottom.lift), (Anchor::Middle, 1.0));
        let left = label_spot(3, 4, 110.0);
        assert_eq!((left.anchor, left.lift), (Anchor::End, 0.5));
        assert_eq!(label_spot(4, 7, 1.0).anchor, Anchor::End);
        assert_eq!(Anchor::Start.as_str(), "start");
        // A block of two 10-unit lines with 12-unit line height.
        assert_eq!(block_baselines(0.0, 0.0, 2, 10.0, 12.0), [-15.0, -3.0]);
        assert_eq!(block_baselines(0.0, 1.0, 2, 10.0, 12.0), [9.0, 21.0]);
        assert_eq!(block_baselines(0.0, 0.5, 1, 10.0, 12.0), [3.0]);
    }

    #[test]
    fn labels_wrap_on_spaces_into_two_even_lines_at_most() {
        assert_eq!(wrap_label("Droit", 12, 18), ["Droit"]);
        assert_eq!(wrap_label("Human resources", 18, 18), ["Human resources"]);
        assert_eq!(
            wrap_label("Human resources", 12, 18),
            ["Human", "resources"]
        );
        // The most even split, not the greedy one ("Administration des" / "ventes").
        assert_eq!(
            wrap_label("Administration des ventes", 12, 18),
            ["Administration", "des ventes"]
        );
        assert_eq!(
            wrap_label("Informatique et numérique", 12, 18),
            ["Informatique", "et numérique"]
        );
        assert_eq!(
            wrap_label("Remise en question et bienveillance", 12, 18),
            ["Remise en question", "et bienveillance"]
        );
        // Too long even when split: cut with an ellipsis.
        assert_eq!(
            wrap_label("A very long label that will not fit at all", 10, 12),
            ["A very long…", "will not fi…"]
        );
        assert_eq!(wrap_label("Incomprehensibilities", 10, 10), ["Incompreh…"]);
        assert_eq!(wrap_label("  ", 10, 10), Vec::<String>::new());
        assert_eq!(text_width("abcd", 10.0), 4.0 * CHAR_WIDTH * 10.0);
    }

    #[test]
    fn the_view_box_holds_the_circle_and_the_labels() {
        let labels = vec![
            vec!["ab".to_owned()],
            vec![],
            vec![],
            vec!["abcd".to_owned()],
        ];
        let v = radar_view(&labels, 100.0, 10.0, 10.0, 12.0, 5.0);
        // Left label ends at x = −110 and is 4 × 6.2 = 24.8 wide; the top label's block
        // (12 tall) ends at y = −110; the bottom is the circle.
        assert_eq!(
            v,
            ViewBox {
                x: -139.8,
                y: -127.0,
                width: 244.8,
                height: 232.0
            }
        );
        assert_eq!(v.attr(), "-139.8 -127 244.8 232");
    }

    #[test]
    fn svg_numbers_are_short() {
        assert_eq!(svg_number(1.0), "1");
        assert_eq!(svg_number(-0.0001), "0");
        assert_eq!(svg_number(12.345), "12.35");
        assert_eq!(svg_number(12.5), "12.5");
        assert_eq!(svg_number(-3.10), "-3.1");
    }

    #[test]
    fn paradox_bars_diverge_from_the_centre() {
        let bar = paradox_bar(Some(72.0), Some(54.0), Some(60.0), None, 180.0, 100.0);
        assert_eq!(bar.a, Some((108.0, 72.0)));
        assert_eq!(bar.b, Some((180.0, 54.0)));
        assert_eq!(bar.held, Some((126.0, 234.0)));
        assert_eq!(bar.observers_a, Some(120.0));
        assert_eq!(bar.observers_b, None);
        let half = paradox_bar(None, Some(140.0), None, None, 0.0, 50.0);
        assert_eq!((half.a, half.b, half.held), (None, Some((0.0, 50.0)), None));
    }

    #[test]
    fn lean_reads_balanced_below_fifteen_points() {
        assert_eq!(lean(72.0, 54.0), Lean::ToA(18.0));
        assert_eq!(lean(40.0, 70.0), Lean::ToB(30.0));
        assert_eq!(lean(60.0, 46.0), Lean::Balanced);
        assert_eq!(lean(60.0, 45.0), Lean::ToA(15.0));
    }

    #[test]
    fn the_map_puts_self_across_and_observers_up() {
        let p = Plot {
            left: 40.0,
            top: 10.0,
            size: 300.0,
        };
        assert_eq!(p.point(0.0, 0.0), (40.0, 310.0));
        assert_eq!(p.point(100.0, 100.0), (340.0, 10.0));
        assert_eq!(p.point(60.0, 60.0), (220.0, 130.0));
        assert_eq!(p.point(150.0, -5.0), (340.0, 310.0));
        assert_eq!(p.dividers(), "M220 10V310M40 130H340");
        assert_eq!(
            p.agreement_band(),
            "M40 310L85 310L340 55L340 10L295 10L40 265Z"
        );
        assert_eq!(
            Plot {
                left: 0.0,
                top: 0.0,
                size: 100.0
            }
            .grid(50.0),
            "M50 0V100M0 50H100"
        );
    }

    #[test]
    fn overlapping_markers_are_moved_apart() {
        let bounds = (0.0, 0.0, 100.0, 100.0);
        let pts = [(50.0, 50.0), (50.0, 50.0), (80.0, 20.0), (51.0, 50.0)];
        let out = dodge(&pts, 10.0, bounds);
        assert_eq!(out[0], (50.0, 50.0));
        assert_eq!(out[2], (80.0, 20.0));
        // The second moves one ring up and to the right.
        assert_eq!(out[1], (53.827, 40.761));
        for i in 0..out.len() {
            for j in 0..i {
                let d = (out[i].0 - out[j].0).hypot(out[i].1 - out[j].1);
                assert!(d >= 10.0 - 1e-6, "{i} {j} {d}");
            }
        }
        // Inside the bounds.
        let corner = dodge(&[(100.0, 0.0), (100.0, 0.0)], 10.0, bounds);
        assert!(corner[1].0 <= 100.0 && corner[1].1 >= 0.0);
        assert_ne!(corner[1], (100.0, 0.0));
    }
}
