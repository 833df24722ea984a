//! Geometry of the compatibility charts, kept apart from the components so that it is tested
//! natively: a part across the sessions (one line per series — the candidate's picture, or one
//! per candidate when they are compared — with the least-squares line the trend was read
//! from), and the two debriefs of a session facet by facet (a "dumbbell" per facet: the
//! leader's score, the candidate's, and the gap between them). Plain arithmetic on SVG user
//! units; the components lay the shapes out (`ui::widgets::charts::compat`).
//!
//! Conventions:
//! - Sessions are evenly spaced from the left to the right edge of the plot, in plan order.
//! - **A missing session is not a zero.** Values are joined only between neighbouring
//!   sessions that both have one (`solid`); across a session without a value the line is
//!   bridged by a separate path (`bridged`, drawn dotted), as the trend rule skips that
//!   session while the others keep their place in the plan; a lone value keeps its marker.
//! - The domain of a part is fixed by its scale (levels 1–5, POMP 0–100, balance 0–1), so
//!   that two charts of the same scale read alike; ratios and rates go from 0 to a round
//!   number above the largest value shown ([`nice_ceiling`]).

use super::part::Scale;
use crate::domain::assessment::chart::{fraction, open_path, svg_number, Point};
use crate::domain::observation::indices::fit;

/// The values a chart's vertical axis spans, and the ticks it labels.
#[derive(Clone, Debug, PartialEq)]
pub struct Domain {
    pub min: f64,
    pub max: f64,
    pub ticks: Vec<f64>,
}

/// The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `value`; 1 for
/// nothing positive to show.
pub fn nice_ceiling(value: f64) -> f64 {
    if !value.is_finite() || value <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|c| *c >= value * (1.0 - 1e-12))
        .unwrap_or(10.0 * power)
}

/// The domain of a part on `scale`, for the values `shown` (every series of the chart).
pub fn domain(scale: Scale, shown: impl IntoIterator<Item = f64>) -> Domain {
    let (min, max) = match scale {
        Scale::Level => (1.0, 5.0),
        Scale::Pomp => (0.0, 100.0),
        Scale::Balance => (0.0, 1.0),
        Scale::Ratio | Scale::Rate => {
            let top = shown
                .into_iter()
                .filter(|v| v.is_finite())
                .fold(0.0f64, f64::max);
            (0.0, nice_ceiling(top))
        }
    };
    let ticks = match scale {
        Scale::Level => vec![1.0, 2.0, 3.0, 4.0, 5.0],
        _ => vec![min, (min + max) / 2.0, max],
    };
    Domain { min, max, ticks }
}

/// Where a chart's plot sits in its view box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Layout {
    /// A sparkline: no room for labels, a little for the markers.
    pub const SPARK: Layout = Layout {
        width: 96.0,
        height: 30.0,
        left: 5.0,
        right: 5.0,
        top: 5.0,
        bottom: 5.0,
    };
    /// A small chart with its value axis on the left and the sessions under it.
    pub const SMALL: Layout = Layout {
        width: 320.0,
        height: 180.0,
        left: 44.0,
        right: 16.0,
        top: 14.0,
        bottom: 30.0,
    };

    pub fn plot_width(&self) -> f64 {
        (self.width - self.left - self.right).max(0.0)
    }

    pub fn plot_height(&self) -> f64 {
        (self.height - self.top - self.bottom).max(0.0)
    }

    /// The bottom of the plot (where the domain's minimum lies).
    pub fn baseline(&self) -> f64 {
        self.height - self.bottom
    }
}

/// Rounds to a hundredth, as SVG numbers are written, and turns `-0` into `0`.
fn snap(v: f64) -> f64 {
    (v * 100.0).round() / 100.0 + 0.0
}

/// The x of session `k` (0-based) of `sessions`: evenly spaced across the plot, a single
/// session in the middle.
pub fn session_x(k: usize, sessions: usize, layout: &Layout) -> f64 {
    let w = layout.plot_width();
    if sessions < 2 {
        return snap(layout.left + w / 2.0);
    }
    snap(layout.left + w * k as f64 / (sessions - 1) as f64)
}

/// The y of `value` on `domain` (clamped to the plot).
pub fn value_y(value: f64, domain: &Domain, layout: &Layout) -> f64 {
    snap(layout.baseline() - layout.plot_height() * fraction(value, domain.min, domain.max))
}

/// One series of a line chart.
#[derive(Clone, Debug, PartialEq)]
pub struct LineSeries {
    /// One marker per session with a value: the session (0-based) and its point.
    pub points: Vec<(usize, Point)>,
    /// Path data joining neighbouring sessions that both have a value.
    pub solid: String,
    /// Path data bridging sessions without a value (from the last value before the gap to the
    /// first after it), drawn dotted; empty when there is no such gap.
    pub bridged: String,
    /// The least-squares line through the values, from the first session with a value to the
    /// last: the line the trend is read from. `None` with fewer than two values.
    pub fit: Option<(Point, Point)>,
}

/// A line chart: one x per session, the ticks of the value axis, one shape per series.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    pub layout: Layout,
    pub xs: Vec<f64>,
    /// Each tick's value and its y.
    pub ticks: Vec<(f64, f64)>,
    pub series: Vec<LineSeries>,
}

/// The shape of one series (one value per session, `None` where there is none).
pub fn line_series(values: &[Option<f64>], domain: &Domain, layout: &Layout) -> LineSeries {
    let n = values.len();
    let points: Vec<(usize, Point)> = values
        .iter()
        .enumerate()
        .filter_map(|(k, v)| {
            v.filter(|v| v.is_finite())
                .map(|v| (k, (session_x(k, n, layout), value_y(v, domain, layout))))
        })
        .collect();
    let (mut solid, mut bridged) = (String::new(), String::new());
    let mut run: Vec<Point> = Vec::new();
    for (i, (k, p)) in points.iter().enumerate() {
        let follows = i > 0 && points[i - 1].0 + 1 == *k;
        if i > 0 && !follows {
            bridged.push_str(&open_path(&[points[i - 1].1, *p]));
            if run.len() >= 2 {
                solid.push_str(&open_path(&run));
            }
            run.clear();
        }
        run.push(*p);
    }
    if run.len() >= 2 {
        solid.push_str(&open_path(&run));
    }
    let fit = fitted(values).map(|(first, last, at)| {
        let y = |k: usize| value_y(at(k as f64), domain, layout);
        (
            (session_x(first, n, layout), y(first)),
            (session_x(last, n, layout), y(last)),
        )
    });
    LineSeries {
        points,
        solid,
        bridged,
        fit,
    }
}

/// The least-squares line through the values (the same fit as the trend,
/// `observation::indices::fit`): the first and last sessions with a value and the line as a
/// function of the session's place. It passes through the mean of the points, with the slope
/// of the fitted change.
fn fitted(values: &[Option<f64>]) -> Option<(usize, usize, impl Fn(f64) -> f64)> {
    let f = fit(values)?;
    let present: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(k, v)| v.filter(|v| v.is_finite()).map(|v| (k, v)))
        .collect();
    let (first, last) = (present.first()?.0, present.last()?.0);
    let n = present.len() as f64;
    let mx = present.iter().map(|(k, _)| *k as f64).sum::<f64>() / n;
    let my = present.iter().map(|(_, v)| *v).sum::<f64>() / n;
    let slope = f.change / (last - first) as f64;
    Some((first, last, move |x: f64| my + slope * (x - mx)))
}

/// A line chart of `series` (each one value per session) on `domain`.
pub fn line_chart(series: &[&[Option<f64>]], domain: &Domain, layout: &Layout) -> LineChart {
    let sessions = series.iter().map(|s| s.len()).max().unwrap_or(0);
    LineChart {
        layout: *layout,
        xs: (0..sessions)
            .map(|k| session_x(k, sessions, layout))
            .collect(),
        ticks: domain
            .ticks
            .iter()
            .map(|t| (*t, value_y(*t, domain, layout)))
            .collect(),
        series: series
            .iter()
            .map(|s| line_series(s, domain, layout))
            .collect(),
    }
}

/// Where the debrief chart of one session is drawn: one row per facet, its name on a line of
/// its own above a 0–100 track.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DumbbellLayout {
    pub width: f64,
    /// Left and right margins of the track (room for the markers and the end labels).
    pub left: f64,
    pub right: f64,
    /// Space above the first row (for the scale's labels).
    pub top: f64,
    /// Height of one row: the facet's name, then its track.
    pub row: f64,
    /// Where the track lies within its row, from the row's top.
    pub track: f64,
}

impl DumbbellLayout {
    /// A session's chart: the facet's name across the whole width, the gap's value to the
    /// right of the track.
    pub const SESSION: DumbbellLayout = DumbbellLayout {
        width: 260.0,
        left: 8.0,
        right: 56.0,
        top: 18.0,
        row: 40.0,
        track: 28.0,
    };

    /// The x of a POMP score on the track.
    pub fn x(&self, pomp: f64) -> f64 {
        snap(self.left + (self.width - self.left - self.right) * fraction(pomp, 0.0, 100.0))
    }

    /// The height of a chart of `rows` rows.
    pub fn height(&self, rows: usize) -> f64 {
        snap(self.top + self.row * rows as f64 + 4.0)
    }
}

/// One facet of the debrief chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Dumbbell {
    /// The top of the row (where the facet's name goes) and the track's y.
    pub top: f64,
    pub y: f64,
    pub leader: Option<f64>,
    pub candidate: Option<f64>,
    /// The segment between the two scores, when both exist.
    pub gap: Option<(f64, f64)>,
}

/// The rows of one session's debrief chart: `(leader, candidate)` POMP per facet, in order.
pub fn dumbbells(pairs: &[(Option<f64>, Option<f64>)], layout: &DumbbellLayout) -> Vec<Dumbbell> {
    pairs
        .iter()
        .enumerate()
        .map(|(k, (l, c))| {
            let top = snap(layout.top + layout.row * k as f64);
            let (leader, candidate) = (l.map(|v| layout.x(v)), c.map(|v| layout.x(v)));
            Dumbbell {
                top,
                y: snap(top + layout.track),
                gap: leader
                    .zip(candidate)
                    .map(|(a, b)| if a <= b { (a, b) } else { (b, a) }),
                leader,
                candidate,
            }
        })
        .collect()
}

/// `M x y H x`: a horizontal line, for a track or a gap.
pub fn horizontal(x1: f64, x2: f64, y: f64) -> String {
    format!("M{} {}H{}", svg_number(x1), svg_number(y), svg_number(x2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
    }

    #[test]
    fn round_ceilings() {
        close(nice_ceiling(0.0), 1.0);
        close(nice_ceiling(-3.0), 1.0);
        close(nice_ceiling(0.7), 1.0);
        close(nice_ceiling(1.0), 1.0);
        close(nice_ceiling(1.2), 2.0);
        close(nice_ceiling(2.3), 2.5);
        close(nice_ceiling(3.1), 5.0);
        close(nice_ceiling(5.0), 5.0);
        close(nice_ceiling(7.9), 10.0);
        close(nice_ceiling(23.0), 25.0);
        close(nice_ceiling(0.031), 0.05);
    }

    #[test]
    fn domains_follow_the_scale() {
        let d = domain(Scale::Level, [2.0, 9.0]);
        assert_eq!((d.min, d.max), (1.0, 5.0));
        assert_eq!(d.ticks, vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        let d = domain(Scale::Pomp, []);
        assert_eq!(
            (d.min, d.max, d.ticks.clone()),
            (0.0, 100.0, vec![0.0, 50.0, 100.0])
        );
        assert_eq!(domain(Scale::Balance, []).max, 1.0);
        let d = domain(Scale::Rate, [1.5, 3.2, f64::NAN]);
        assert_eq!((d.min, d.max), (0.0, 5.0));
        assert_eq!(d.ticks, vec![0.0, 2.5, 5.0]);
        assert_eq!(domain(Scale::Ratio, []).max, 1.0);
    }

    #[test]
    fn sessions_spread_across_the_plot_and_values_up_the_axis() {
        let l = Layout::SMALL; // plot x 44..304, y 14..150
        assert_eq!(session_x(0, 4, &l), 44.0);
        assert_eq!(session_x(3, 4, &l), 304.0);
        close(session_x(1, 4, &l), 130.67);
        assert_eq!(session_x(0, 1, &l), 174.0);
        let d = domain(Scale::Level, []);
        assert_eq!(value_y(1.0, &d, &l), 150.0);
        assert_eq!(value_y(5.0, &d, &l), 14.0);
        assert_eq!(value_y(3.0, &d, &l), 82.0);
        // Clamped to the plot.
        assert_eq!(value_y(9.0, &d, &l), 14.0);
    }

    #[test]
    fn a_full_series_is_one_line_with_its_fit() {
        let d = domain(Scale::Level, []);
        let l = Layout::SMALL;
        let s = line_series(&[Some(2.0), Some(3.0), Some(4.0)], &d, &l);
        assert_eq!(s.points.len(), 3);
        assert_eq!(s.solid, "M44 116L174 82L304 48");
        assert!(s.bridged.is_empty());
        // Exactly on a line: the fit goes through every point.
        assert_eq!(s.fit, Some(((44.0, 116.0), (304.0, 48.0))));
    }

    #[test]
    fn a_missing_session_is_bridged_not_drawn_as_zero() {
        let d = domain(Scale::Level, []);
        let l = Layout::SMALL;
        let s = line_series(&[Some(4.0), None, Some(2.5), Some(1.5)], &d, &l);
        let xs: Vec<usize> = s.points.iter().map(|(k, _)| *k).collect();
        assert_eq!(xs, [0, 2, 3]);
        // Sessions 3 and 4 joined; 1 to 3 bridged; nothing drops to the baseline.
        assert_eq!(s.solid, "M217.33 99L304 133");
        assert_eq!(s.bridged, "M44 48L217.33 99");
        assert!(s.points.iter().all(|(_, (_, y))| *y < 150.0));
        // The fit runs from session 1 to session 4 and falls.
        let ((x1, y1), (x2, y2)) = s.fit.unwrap();
        assert_eq!((x1, x2), (44.0, 304.0));
        assert!(y2 > y1);
    }

    #[test]
    fn a_lone_value_is_a_marker_only() {
        let d = domain(Scale::Pomp, []);
        let s = line_series(&[None, Some(50.0), None], &d, &Layout::SPARK);
        assert_eq!(s.points, vec![(1, (48.0, 15.0))]);
        assert!(s.solid.is_empty() && s.bridged.is_empty());
        assert_eq!(s.fit, None);
        let none = line_series(&[None, None], &d, &Layout::SPARK);
        assert!(none.points.is_empty() && none.fit.is_none());
    }

    #[test]
    fn the_fit_is_the_trend_s_least_squares_line() {
        // 3, 4, 4 at sessions 0, 1, 2: slope 0.5 per session through (1, 11/3).
        let d = Domain {
            min: 0.0,
            max: 10.0,
            ticks: vec![],
        };
        let l = Layout {
            width: 20.0,
            height: 100.0,
            left: 0.0,
            right: 0.0,
            top: 0.0,
            bottom: 0.0,
        };
        let s = line_series(&[Some(3.0), Some(4.0), Some(4.0)], &d, &l);
        let ((_, y1), (_, y2)) = s.fit.unwrap();
        // 11/3 − 0.5 = 3.1667 → y 68.33; 11/3 + 0.5 = 4.1667 → y 58.33.
        assert_eq!((y1, y2), (68.33, 58.33));
    }

    #[test]
    fn a_chart_has_one_shape_per_series_and_its_ticks() {
        let d = domain(Scale::Pomp, []);
        let a = [Some(10.0), Some(20.0)];
        let b = [None, Some(80.0)];
        let c = line_chart(&[&a, &b], &d, &Layout::SMALL);
        assert_eq!(c.xs, vec![44.0, 304.0]);
        assert_eq!(c.ticks, vec![(0.0, 150.0), (50.0, 82.0), (100.0, 14.0)]);
        assert_eq!(c.series.len(), 2);
        assert_eq!(c.series[1].points.len(), 1);
    }

    #[test]
    fn dumbbells_join_the_two_sides_when_both_answered() {
        let l = DumbbellLayout::SESSION; // track 8..204
        let rows = dumbbells(
            &[(Some(75.0), Some(25.0)), (None, Some(100.0)), (None, None)],
            &l,
        );
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].leader, Some(155.0));
        assert_eq!(rows[0].candidate, Some(57.0));
        assert_eq!(rows[0].gap, Some((57.0, 155.0)));
        assert_eq!((rows[0].top, rows[0].y), (18.0, 46.0));
        assert_eq!((rows[1].top, rows[1].y), (58.0, 86.0));
        assert_eq!(rows[1].gap, None);
        assert_eq!(rows[1].candidate, Some(204.0));
        assert_eq!(rows[2].leader, None);
        assert_eq!(l.height(6), 262.0);
        assert_eq!(horizontal(8.0, 204.0, 46.0), "M8 46H204");
    }
}
