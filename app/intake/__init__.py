"""What vacancy and pool intake share: field errors, occupation coding, sector and skill codes,
PATCH checks and owners. Field paths are relative to one item ("skills[2].skill"); callers
prefix them ("body." for one object, "[7]." for an item of a bulk request). The checks are
batched: one query per kind of code for a whole request."""
