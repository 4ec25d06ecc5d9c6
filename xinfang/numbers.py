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
