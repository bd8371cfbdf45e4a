"""Time-window rules (RBV3xx): ``call_time_window`` windows, days and time zone."""

PREFIX = "RBV3"
FAMILY = "time-window"
