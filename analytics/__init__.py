"""Pure analytics over the Atlas: profiles, overlap, complementarity, matches, gaps, suggestions."""
