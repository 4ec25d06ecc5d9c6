"""Figures as official documents and the manual both write them."""

from __future__ import annotations

MINUS = "−"  # U+2212, the real minus sign, used for every negative change


def change_percent(current: int, previous: int) -> str:
    """Year-on-year change with a sign and two decimals: 303 vs 403 → −24.81%.

    Cut, not rounded, after the second decimal, as the office's reports do
    (469 vs 901 is −47.9467…%, reported as −47.94%); integer arithmetic, so no
    float error decides a digit.
    """
    if previous == 0:
        return "—"
    hundredths = abs(current - previous) * 10000 // previous
    if hundredths == 0:
        return "0.00%"
    sign = "+" if current > previous else MINUS
    return f"{sign}{hundredths // 100}.{hundredths % 100:02d}%"


def change_words(current: int, previous: int) -> str:
    """The same change worded as a report words it: 303 vs 403 → 下降24.81%, 上升…, 持平."""
    signed = change_percent(current, previous)
    if signed == "—":
        return "—"
    if signed == "0.00%":
        return "持平"
    return ("上升" if signed.startswith("+") else "下降") + signed[1:]


def percent_words(percent: float) -> str:
    """A change given only as a percentage: -57 → 下降57%, 3.5 → 上升3.5%, 0 → 持平."""
    if percent == 0:
        return "持平"
    return ("上升" if percent > 0 else "下降") + f"{abs(percent):g}%"


def rate_percent(part: int, whole: int) -> str:
    """A share with two decimals, cut like the changes above: 122 of 126 → 96.82%; 0 of 0 → —."""
    if whole == 0:
        return "—"
    hundredths = part * 10000 // whole
    return f"{hundredths // 100}.{hundredths % 100:02d}%"
