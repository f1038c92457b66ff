//! Pure geometry for the spotlight and the panel: rectangles in CSS pixels relative to the
//! viewport, as `getBoundingClientRect` gives them.
//!
//! - [`Rect`] and its relations ([`Rect::intersects`], [`Rect::clamp_to`]).
//! - [`cutout`]: the hole in the dimmed layer, exactly the element's rectangle (clipped to
//!   the viewport), and [`ring`]: the visible outline just outside it.
//! - [`place_panel`]: where the panel goes so that it never covers the element.
//! - [`needs_scroll`]: whether the element must be scrolled into view, taking fixed and
//!   sticky headers into account.

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x,
            y,
            width: width.max(0.0),
            height: height.max(0.0),
        }
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn is_empty(&self) -> bool {
        self.width <= 0.0 || self.height <= 0.0
    }

    /// Whether the two rectangles share any area.
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// The part of `self` inside `bounds` (empty when they do not meet).
    pub fn clamp_to(&self, bounds: &Rect) -> Rect {
        let x = self.x.max(bounds.x);
        let y = self.y.max(bounds.y);
        Rect::new(
            x,
            y,
            self.right().min(bounds.right()) - x,
            self.bottom().min(bounds.bottom()) - y,
        )
    }

    /// `self` grown by `by` on every side.
    pub fn inflate(&self, by: f64) -> Rect {
        Rect::new(
            self.x - by,
            self.y - by,
            self.width + 2.0 * by,
            self.height + 2.0 * by,
        )
    }

    /// Whether every coordinate is within `tolerance` of `other`'s.
    pub fn approx_eq(&self, other: &Rect, tolerance: f64) -> bool {
        (self.x - other.x).abs() <= tolerance
            && (self.y - other.y).abs() <= tolerance
            && (self.width - other.width).abs() <= tolerance
            && (self.height - other.height).abs() <= tolerance
    }
}

/// The viewport: width and height in CSS pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
}

impl Viewport {
    pub fn rect(&self) -> Rect {
        Rect::new(0.0, 0.0, self.width, self.height)
    }
}

/// The hole in the dimmed layer: the element's own rectangle, clipped to the viewport, so
/// the user sees exactly the element and can use it.
///
/// # Examples
///
/// ```
/// use helpmark::geometry::{cutout, Rect, Viewport};
///
/// let viewport = Viewport { width: 800.0, height: 600.0 };
/// let button = Rect::new(700.0, 580.0, 150.0, 40.0);
/// assert_eq!(cutout(&button, &viewport), Rect::new(700.0, 580.0, 100.0, 20.0));
/// ```
pub fn cutout(target: &Rect, viewport: &Viewport) -> Rect {
    target.clamp_to(&viewport.rect())
}

/// The SVG path of the dimmed layer: the whole viewport with the cut-out as a hole
/// (even-odd fill), its corners rounded by `radius` (at most half the shorter side).
///
/// # Examples
///
/// ```
/// use helpmark::geometry::{cutout_path, Rect, Viewport};
///
/// let path = cutout_path(&Viewport { width: 100.0, height: 50.0 }, &Rect::new(10.0, 10.0, 20.0, 10.0), 0.0);
/// assert_eq!(path, "M0 0H100V50H0Z M10 10H30V20H10Z");
/// ```
pub fn cutout_path(viewport: &Viewport, cutout: &Rect, radius: f64) -> String {
    let (w, h) = (viewport.width, viewport.height);
    if cutout.is_empty() {
        return path(&[("M0 0H", w), ("V", h)]) + "H0Z";
    }
    let r = radius
        .min(cutout.width / 2.0)
        .min(cutout.height / 2.0)
        .max(0.0);
    let (x, y, right, bottom) = (cutout.x, cutout.y, cutout.right(), cutout.bottom());
    let corner = " 0 0 1 ";
    let mut d = path(&[
        ("M0 0H", w),
        ("V", h),
        ("H0Z M", x + r),
        (" ", y),
        ("H", right - r),
    ]);
    if r > 0.0 {
        d += &path(&[("A", r), (" ", r), (corner, right), (" ", y + r)]);
    }
    d += &path(&[("V", bottom - r)]);
    if r > 0.0 {
        d += &path(&[("A", r), (" ", r), (corner, right - r), (" ", bottom)]);
    }
    d += &path(&[("H", x + r)]);
    if r > 0.0 {
        d += &path(&[
            ("A", r),
            (" ", r),
            (corner, x),
            (" ", bottom - r),
            ("V", y + r),
            ("A", r),
            (" ", r),
            (corner, x + r),
            (" ", y),
        ]);
    }
    d + "Z"
}

/// Path data from commands and their numbers: each piece of text, then its number.
/// (One loop, not a `format!` of fifteen arguments: bytes are a product metric.)
fn path(pieces: &[(&str, f64)]) -> String {
    let mut d = String::new();
    for (text, n) in pieces {
        d += text;
        d += &num(*n);
    }
    d
}

/// A coordinate with at most two decimals and no trailing zeros. Integer arithmetic
/// only: core's float formatting would add about 10 KB to the WebAssembly.
///
/// # Examples
///
/// ```
/// assert_eq!(helpmark::geometry::num(-0.5), "-0.5");
/// assert_eq!(helpmark::geometry::num(164.359375), "164.36");
/// ```
pub fn num(v: f64) -> String {
    let hundredths = (v * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    let (whole, frac) = (abs / 100, abs % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// How far the visible ring sits outside the cut-out.
pub const RING_GAP: f64 = 3.0;

/// The ring drawn around the cut-out: outside it, so it never hides the element's edge.
pub fn ring(cutout: &Rect) -> Rect {
    cutout.inflate(RING_GAP)
}

/// Corner radius of the spotlight's cut-out.
pub const SPOTLIGHT_RADIUS: f64 = 6.0;

/// Where the spotlight's numbers go, `(element, attribute)`: element 0 is the SVG layer, 1
/// the dimmed path with the cut-out as a hole, 2 the ring around it and 3 the exact
/// cut-out (for tools and tests that measure the highlight). See [`spotlight_values`].
pub const SPOTLIGHT_ATTRIBUTES: [(u8, &str); 12] = [
    (0, "viewBox"),
    (0, "width"),
    (0, "height"),
    (1, "d"),
    (2, "x"),
    (2, "y"),
    (2, "width"),
    (2, "height"),
    (3, "x"),
    (3, "y"),
    (3, "width"),
    (3, "height"),
];

/// The spotlight's numbers for `target` in `viewport`, in the order of
/// [`SPOTLIGHT_ATTRIBUTES`]: the first four only when the cut-out is empty (the element is
/// out of sight: the whole viewport is dimmed, with no ring and no cut-out).
///
/// # Examples
///
/// ```
/// use helpmark::geometry::{spotlight_values, Rect, Viewport};
///
/// let viewport = Viewport { width: 100.0, height: 50.0 };
/// let drawn = spotlight_values(&Rect::new(10.0, 10.0, 20.0, 10.0), &viewport);
/// assert_eq!(drawn[..3], ["0 0 100 50", "100", "50"]);
/// assert_eq!(drawn[8..], ["10", "10", "20", "10"]);
/// assert_eq!(spotlight_values(&Rect::new(200.0, 10.0, 20.0, 10.0), &viewport).len(), 4);
/// ```
pub fn spotlight_values(target: &Rect, viewport: &Viewport) -> Vec<String> {
    let hole = cutout(target, viewport);
    let (width, height) = (num(viewport.width), num(viewport.height));
    let mut values = vec![
        format!("0 0 {width} {height}"),
        width,
        height,
        cutout_path(viewport, &hole, SPOTLIGHT_RADIUS),
    ];
    if !hole.is_empty() {
        let r = ring(&hole);
        values.extend(
            [
                r.x,
                r.y,
                r.width,
                r.height,
                hole.x,
                hole.y,
                hole.width,
                hole.height,
            ]
            .map(num),
        );
    }
    values
}

/// A corner of the viewport: where the help icon sits (`data-position` on the embedding
/// tag) and where the panel goes. Physical, not logical: a host places its icon where its
/// layout has room, in either reading direction, and the panel opens next to it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Corner {
    #[default]
    BottomRight,
    BottomLeft,
    TopRight,
    TopLeft,
}

/// Where the panel sits: one of the corners.
pub type Placement = Corner;

impl Corner {
    pub const ALL: [Corner; 4] = [
        Corner::BottomRight,
        Corner::BottomLeft,
        Corner::TopRight,
        Corner::TopLeft,
    ];

    /// Reads `data-position` (`bottom-right`, `bottom-left`, `top-right`, `top-left`).
    ///
    /// # Examples
    ///
    /// ```
    /// use helpmark::geometry::Corner;
    /// assert_eq!(Corner::parse(" Top-Left "), Some(Corner::TopLeft));
    /// assert_eq!(Corner::parse("middle"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Corner> {
        Corner::ALL
            .into_iter()
            .find(|c| text.trim().eq_ignore_ascii_case(c.as_str()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Corner::BottomRight => "bottom-right",
            Corner::BottomLeft => "bottom-left",
            Corner::TopRight => "top-right",
            Corner::TopLeft => "top-left",
        }
    }

    pub fn is_top(self) -> bool {
        matches!(self, Corner::TopRight | Corner::TopLeft)
    }

    pub fn is_left(self) -> bool {
        matches!(self, Corner::BottomLeft | Corner::TopLeft)
    }

    /// CSS class of the panel at this corner (`hm-at-bottom-right`), for styles and tests.
    pub fn class(self) -> &'static str {
        match self {
            Corner::BottomRight => "hm-at-bottom-right",
            Corner::BottomLeft => "hm-at-bottom-left",
            Corner::TopRight => "hm-at-top-right",
            Corner::TopLeft => "hm-at-top-left",
        }
    }

    /// The corners in the order the panel tries them when the icon is at `self`: next to
    /// the icon, then across on the same edge, then the other edge on the icon's side,
    /// then the opposite corner. A right-to-left panel is mirrored: it starts across
    /// from the icon, on the reading direction's end side (still clear of the icon).
    pub fn preference(self, rtl: bool) -> [Corner; 4] {
        let across = |c: Corner| match c {
            Corner::BottomRight => Corner::BottomLeft,
            Corner::BottomLeft => Corner::BottomRight,
            Corner::TopRight => Corner::TopLeft,
            Corner::TopLeft => Corner::TopRight,
        };
        let flip = |c: Corner| match c {
            Corner::BottomRight => Corner::TopRight,
            Corner::BottomLeft => Corner::TopLeft,
            Corner::TopRight => Corner::BottomRight,
            Corner::TopLeft => Corner::BottomLeft,
        };
        let first = if rtl { across(self) } else { self };
        [first, across(first), flip(first), across(flip(first))]
    }
}

/// Margin between the panel (and the help icon) and the viewport edge.
pub const PANEL_MARGIN: f64 = 20.0;
/// The margin on small screens (at most [`SMALL_SCREEN`] wide), where the panel takes
/// the whole width but this.
pub const SMALL_MARGIN: f64 = 12.0;
pub const SMALL_SCREEN: f64 = 440.0;
/// The help icon's size.
pub const LAUNCHER_SIZE: f64 = 56.0;
/// Space kept between the panel and the help icon's edge of the viewport: the icon and a
/// gap.
pub const LAUNCHER_SPACE: f64 = LAUNCHER_SIZE + SMALL_MARGIN;

/// An element's offsets from two edges of the viewport (CSS `left`/`right` and
/// `top`/`bottom` of a fixed element): what the widget sets on its icon and its panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inset {
    /// `left` when true, else `right`.
    pub from_left: bool,
    pub horizontal: f64,
    /// `top` when true, else `bottom`.
    pub from_top: bool,
    pub vertical: f64,
}

impl Inset {
    /// The CSS properties and values, for the CSS object model (allowed under a strict
    /// Content Security Policy, unlike a `style` attribute). The two other sides are `auto`.
    pub fn properties(&self) -> [(&'static str, String); 4] {
        let px = |v: f64| format!("{}px", num(v));
        let (h, h_other) = if self.from_left {
            ("left", "right")
        } else {
            ("right", "left")
        };
        let (v, v_other) = if self.from_top {
            ("top", "bottom")
        } else {
            ("bottom", "top")
        };
        [
            (h, px(self.horizontal)),
            (h_other, "auto".into()),
            (v, px(self.vertical)),
            (v_other, "auto".into()),
        ]
    }
}

fn margin(viewport: &Viewport) -> f64 {
    if viewport.width <= SMALL_SCREEN {
        SMALL_MARGIN
    } else {
        PANEL_MARGIN
    }
}

/// Where the help icon sits.
pub fn launcher_inset(corner: Corner) -> Inset {
    Inset {
        from_left: corner.is_left(),
        horizontal: PANEL_MARGIN,
        from_top: corner.is_top(),
        vertical: PANEL_MARGIN,
    }
}

/// The help icon's rectangle.
pub fn launcher_rect(corner: Corner, viewport: &Viewport) -> Rect {
    let x = if corner.is_left() {
        PANEL_MARGIN
    } else {
        viewport.width - PANEL_MARGIN - LAUNCHER_SIZE
    };
    let y = if corner.is_top() {
        PANEL_MARGIN
    } else {
        viewport.height - PANEL_MARGIN - LAUNCHER_SIZE
    };
    Rect::new(x, y, LAUNCHER_SIZE, LAUNCHER_SIZE)
}

/// Where the panel sits at `placement` with the icon at `launcher`: on the icon's edge it
/// keeps clear of the icon ([`LAUNCHER_SPACE`]).
pub fn panel_inset(placement: Placement, launcher: Corner, viewport: &Viewport) -> Inset {
    let m = margin(viewport);
    Inset {
        from_left: placement.is_left(),
        horizontal: m,
        from_top: placement.is_top(),
        vertical: if placement.is_top() == launcher.is_top() {
            PANEL_MARGIN + LAUNCHER_SPACE
        } else {
            m
        },
    }
}

/// The rectangle the panel occupies at `placement`, for a panel of `size` (width, height).
pub fn panel_rect(
    placement: Placement,
    size: (f64, f64),
    viewport: &Viewport,
    launcher: Corner,
) -> Rect {
    let (width, height) = size;
    let inset = panel_inset(placement, launcher, viewport);
    let x = if inset.from_left {
        inset.horizontal
    } else {
        viewport.width - inset.horizontal - width
    };
    let y = if inset.from_top {
        inset.vertical
    } else {
        viewport.height - inset.vertical - height
    };
    Rect::new(x, y, width, height)
}

/// The smallest useful panel height: the step, its progress and the buttons.
pub const MIN_PANEL_HEIGHT: f64 = 180.0;
/// Space kept between the panel and the highlighted element.
const PANEL_GAP: f64 = 12.0;

/// Where the panel goes, and the height it must keep within (when it has to shrink to
/// stay off a large element).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelPlacement {
    pub placement: Placement,
    pub max_height: Option<f64>,
}

/// Picks the panel's corner so that it covers neither the target nor the help icon: next
/// to the icon first, then the other corners ([`Corner::preference`]). When the panel
/// covers the target in every corner (a large element), it shrinks into the larger free
/// band above or below the element, if that leaves it [`MIN_PANEL_HEIGHT`]; failing that,
/// the corner that covers least wins.
///
/// # Examples
///
/// ```
/// use helpmark::geometry::{place_panel, Corner, Rect, Viewport};
///
/// let viewport = Viewport { width: 1280.0, height: 800.0 };
/// let submit = Rect::new(1100.0, 600.0, 120.0, 40.0); // under the usual corner
/// assert_eq!(place_panel(Some(&submit), (380.0, 420.0), &viewport, Corner::BottomRight, false).placement, Corner::BottomLeft);
/// assert_eq!(place_panel(None, (380.0, 420.0), &viewport, Corner::BottomRight, false).placement, Corner::BottomRight);
/// assert_eq!(place_panel(None, (380.0, 420.0), &viewport, Corner::TopLeft, false).placement, Corner::TopLeft);
/// // Right to left: mirrored.
/// assert_eq!(place_panel(None, (380.0, 420.0), &viewport, Corner::BottomRight, true).placement, Corner::BottomLeft);
/// ```
pub fn place_panel(
    target: Option<&Rect>,
    size: (f64, f64),
    viewport: &Viewport,
    launcher: Corner,
    rtl: bool,
) -> PanelPlacement {
    let placement = corner(target, size, viewport, launcher, rtl);
    let covered =
        target.is_some_and(|t| panel_rect(placement, size, viewport, launcher).intersects(t));
    let Some(target) = target.filter(|_| covered) else {
        return PanelPlacement {
            placement,
            max_height: None,
        };
    };
    let bottom_edge = |c: Corner| viewport.height - panel_inset(c, launcher, viewport).vertical;
    let top_edge = |c: Corner| panel_inset(c, launcher, viewport).vertical;
    let [first, second, third, fourth] = launcher.preference(rtl);
    let (bottom, top) = if launcher.is_top() {
        ([third, fourth], [first, second])
    } else {
        ([first, second], [third, fourth])
    };
    let below = bottom_edge(bottom[0]) - (target.bottom() + PANEL_GAP);
    let above = target.y - PANEL_GAP - top_edge(top[0]);
    let (band, height) = if below >= above {
        (bottom, below)
    } else {
        (top, above)
    };
    if height < MIN_PANEL_HEIGHT {
        return PanelPlacement {
            placement,
            max_height: None,
        };
    }
    PanelPlacement {
        placement: band[0],
        max_height: Some(height.min(size.1)),
    }
}

fn corner(
    target: Option<&Rect>,
    size: (f64, f64),
    viewport: &Viewport,
    launcher: Corner,
    rtl: bool,
) -> Corner {
    let order = launcher.preference(rtl);
    let Some(target) = target.filter(|t| !t.is_empty()) else {
        return order[0];
    };
    let target = target.inflate(RING_GAP + 1.0);
    if let Some(free) = order
        .into_iter()
        .find(|p| !panel_rect(*p, size, viewport, launcher).intersects(&target))
    {
        return free;
    }
    // Every corner overlaps (a small screen, a large element): least overlap wins.
    let overlap = |p: Corner| {
        let r = panel_rect(p, size, viewport, launcher).clamp_to(&target);
        r.width * r.height
    };
    order
        .into_iter()
        .min_by(|a, b| overlap(*a).total_cmp(&overlap(*b)))
        .unwrap_or(order[0])
}

/// Whether the target must be scrolled to be seen: not entirely inside the viewport below
/// `top_inset` (the height covered by fixed or sticky headers).
///
/// # Examples
///
/// ```
/// use helpmark::geometry::{needs_scroll, Rect, Viewport};
///
/// let viewport = Viewport { width: 800.0, height: 600.0 };
/// assert!(!needs_scroll(&Rect::new(10.0, 100.0, 50.0, 20.0), &viewport, 48.0));
/// assert!(needs_scroll(&Rect::new(10.0, 30.0, 50.0, 20.0), &viewport, 48.0)); // under the header
/// assert!(needs_scroll(&Rect::new(10.0, 900.0, 50.0, 20.0), &viewport, 0.0));
/// ```
pub fn needs_scroll(target: &Rect, viewport: &Viewport, top_inset: f64) -> bool {
    target.y < top_inset
        || target.bottom() > viewport.height
        || target.x < 0.0
        || target.right() > viewport.width
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEWPORT: Viewport = Viewport {
        width: 1280.0,
        height: 720.0,
    };
    const PANEL: (f64, f64) = (380.0, 400.0);

    #[test]
    fn the_cutout_is_the_element_itself_inside_the_viewport() {
        let r = Rect::new(100.5, 200.25, 80.0, 32.0);
        assert_eq!(cutout(&r, &VIEWPORT), r);
        let off = Rect::new(-20.0, -10.0, 100.0, 40.0);
        assert_eq!(cutout(&off, &VIEWPORT), Rect::new(0.0, 0.0, 80.0, 30.0));
        assert!(cutout(&Rect::new(2000.0, 0.0, 10.0, 10.0), &VIEWPORT).is_empty());
    }

    #[test]
    fn the_cutout_path_rounds_corners_within_the_hole() {
        let path = cutout_path(&VIEWPORT, &Rect::new(100.0, 50.0, 80.0, 30.0), 6.0);
        assert_eq!(
            path,
            "M0 0H1280V720H0Z M106 50H174A6 6 0 0 1 180 56V74A6 6 0 0 1 174 80H106A6 6 0 0 1 100 74V56A6 6 0 0 1 106 50Z"
        );
        // The radius never exceeds half the shorter side.
        let thin = cutout_path(&VIEWPORT, &Rect::new(0.0, 0.0, 40.0, 4.0), 6.0);
        assert!(thin.contains("A2 2 "), "{thin}");
        // No hole when the element is off screen.
        assert_eq!(
            cutout_path(&VIEWPORT, &Rect::default(), 6.0),
            "M0 0H1280V720H0Z"
        );
    }

    #[test]
    fn coordinates_are_written_compactly() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(-3.0), "-3");
    }

    #[test]
    fn the_ring_surrounds_the_cutout_without_touching_it() {
        let c = Rect::new(10.0, 10.0, 100.0, 30.0);
        let r = ring(&c);
        assert_eq!(r, Rect::new(7.0, 7.0, 106.0, 36.0));
    }

    const BR: Corner = Corner::BottomRight;

    #[test]
    fn the_panel_moves_away_from_a_target_in_each_corner() {
        let bottom_right = Rect::new(1150.0, 500.0, 100.0, 30.0);
        let bottom_left = Rect::new(30.0, 500.0, 100.0, 30.0);
        assert_eq!(
            place_panel(Some(&bottom_right), PANEL, &VIEWPORT, BR, false).placement,
            Corner::BottomLeft
        );
        assert_eq!(
            place_panel(Some(&bottom_left), PANEL, &VIEWPORT, BR, false).placement,
            Corner::BottomRight
        );
        let header_menu = Rect::new(320.0, 8.0, 150.0, 32.0);
        assert_eq!(
            place_panel(Some(&header_menu), PANEL, &VIEWPORT, BR, false).placement,
            Corner::BottomRight
        );
    }

    #[test]
    fn the_panel_opens_next_to_the_icon_in_each_corner_and_never_covers_it() {
        for launcher in Corner::ALL {
            let p = place_panel(None, PANEL, &VIEWPORT, launcher, false);
            assert_eq!(p.placement, launcher);
            let icon = launcher_rect(launcher, &VIEWPORT);
            for placement in Corner::ALL {
                let panel = panel_rect(placement, PANEL, &VIEWPORT, launcher);
                assert!(!panel.intersects(&icon), "{launcher:?} {placement:?}");
                assert!(panel.x >= 0.0 && panel.right() <= VIEWPORT.width);
                assert!(panel.y >= 0.0 && panel.bottom() <= VIEWPORT.height);
            }
            // On a phone too, where the panel takes the whole width.
            let phone = Viewport {
                width: 360.0,
                height: 640.0,
            };
            let icon = launcher_rect(launcher, &phone);
            for placement in Corner::ALL {
                let panel = panel_rect(placement, (336.0, 300.0), &phone, launcher);
                assert!(!panel.intersects(&icon), "phone {launcher:?} {placement:?}");
            }
        }
    }

    #[test]
    fn the_icon_sits_in_its_corner_through_its_css_offsets() {
        let inset = launcher_inset(Corner::TopLeft);
        assert_eq!(
            inset.properties(),
            [
                ("left", "20px".to_string()),
                ("right", "auto".to_string()),
                ("top", "20px".to_string()),
                ("bottom", "auto".to_string())
            ]
        );
        assert_eq!(
            launcher_rect(Corner::BottomRight, &VIEWPORT),
            Rect::new(1204.0, 644.0, 56.0, 56.0)
        );
        // The panel's CSS offsets and its rectangle agree.
        let p = panel_inset(Corner::BottomRight, Corner::BottomRight, &VIEWPORT);
        assert_eq!((p.from_left, p.from_top), (false, false));
        let r = panel_rect(Corner::BottomRight, PANEL, &VIEWPORT, Corner::BottomRight);
        assert_eq!(VIEWPORT.width - r.right(), p.horizontal);
        assert_eq!(VIEWPORT.height - r.bottom(), p.vertical);
    }

    #[test]
    fn a_chosen_placement_never_overlaps_the_target_or_the_icon_when_a_free_corner_exists() {
        for (launcher, rtl) in Corner::ALL
            .into_iter()
            .flat_map(|c| [(c, false), (c, true)])
        {
            let icon = launcher_rect(launcher, &VIEWPORT);
            // A grid of targets over the whole viewport.
            let mut y = 0.0;
            while y < VIEWPORT.height {
                let mut x = 0.0;
                while x < VIEWPORT.width {
                    let target = Rect::new(x, y, 120.0, 36.0);
                    let p = place_panel(Some(&target), PANEL, &VIEWPORT, launcher, rtl);
                    let free_exists = Corner::ALL.iter().any(|c| {
                        !panel_rect(*c, PANEL, &VIEWPORT, launcher).intersects(&target.inflate(4.0))
                    });
                    let height = p.max_height.unwrap_or(PANEL.1);
                    let panel = panel_rect(p.placement, (PANEL.0, height), &VIEWPORT, launcher);
                    if free_exists {
                        assert!(!panel.intersects(&target), "{target:?} covered at {p:?}");
                    }
                    assert!(!panel.intersects(&icon), "icon covered at {p:?}");
                    x += 40.0;
                }
                y += 40.0;
            }
        }
    }

    #[test]
    fn the_icon_stays_in_its_corner_and_a_right_to_left_panel_is_mirrored() {
        // The icon's corner is the host's choice in both directions; the panel starts on
        // the reading direction's end side: next to the icon left to right, across from
        // it right to left, and clear of it either way.
        assert_eq!(Corner::parse("bottom-left"), Some(Corner::BottomLeft));
        assert_eq!(
            Corner::BottomLeft.preference(false),
            [
                Corner::BottomLeft,
                Corner::BottomRight,
                Corner::TopLeft,
                Corner::TopRight
            ]
        );
        assert_eq!(
            Corner::BottomRight.preference(true),
            [
                Corner::BottomLeft,
                Corner::BottomRight,
                Corner::TopLeft,
                Corner::TopRight
            ]
        );
        for launcher in Corner::ALL {
            let ltr = place_panel(None, PANEL, &VIEWPORT, launcher, false).placement;
            let rtl = place_panel(None, PANEL, &VIEWPORT, launcher, true).placement;
            assert_eq!(ltr, launcher);
            assert_eq!(rtl.is_top(), launcher.is_top());
            assert_ne!(rtl.is_left(), launcher.is_left());
        }
        let left_target = Rect::new(30.0, 500.0, 100.0, 30.0);
        assert_eq!(
            place_panel(
                Some(&left_target),
                PANEL,
                &VIEWPORT,
                Corner::BottomLeft,
                false
            )
            .placement,
            Corner::BottomRight
        );
        assert_eq!(
            place_panel(Some(&left_target), PANEL, &VIEWPORT, BR, true).placement,
            Corner::BottomRight
        );
    }

    #[test]
    fn beside_a_large_element_the_panel_shrinks_into_the_larger_free_band() {
        let table = Rect::new(106.0, 154.0, 1068.0, 262.0);
        let p = place_panel(Some(&table), PANEL, &VIEWPORT, BR, false);
        assert_eq!(p.placement, Corner::BottomRight);
        let height = p.max_height.expect("shrinks");
        assert_eq!(
            height,
            720.0 - panel_inset(BR, BR, &VIEWPORT).vertical - (416.0 + PANEL_GAP)
        );
        let shrunk = panel_rect(p.placement, (PANEL.0, height), &VIEWPORT, BR);
        assert!(!shrunk.intersects(&table));
        let low = Rect::new(100.0, 380.0, 1080.0, 320.0);
        let p = place_panel(Some(&low), PANEL, &VIEWPORT, BR, false);
        assert_eq!(p.placement, Corner::TopRight);
        assert!(
            !panel_rect(p.placement, (PANEL.0, p.max_height.unwrap()), &VIEWPORT, BR)
                .intersects(&low)
        );
    }

    #[test]
    fn on_a_small_screen_the_least_covering_corner_wins() {
        let phone = Viewport {
            width: 360.0,
            height: 640.0,
        };
        let big = Rect::new(0.0, 150.0, 360.0, 300.0);
        let p = place_panel(Some(&big), (320.0, 400.0), &phone, BR, false).placement;
        let covered = |p| {
            let r = panel_rect(p, (320.0, 400.0), &phone, BR).clamp_to(&big);
            r.width * r.height
        };
        for other in Corner::ALL {
            assert!(covered(p) <= covered(other));
        }
    }
}
