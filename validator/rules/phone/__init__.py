"""Phone rules (RBV2xx): E.164 form, validity for the region, destinations, duplicates."""

PREFIX = "RBV2"
FAMILY = "phone"
