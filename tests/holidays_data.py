"""What the installed ``holidays`` release knows, for tests that pin its later data.

The oldest release pst_core supports (``.ci/oldest.txt``) has no estimated dates for
2028 (they came in 0.104) and no 2027 cuti bersama decree (0.105): a test whose
expectation rests on either is marked with the matching skip, so it runs on every
newer release and says why it did not run on an older one.
"""

from __future__ import annotations

from importlib.metadata import version

import pytest

HOLIDAYS = tuple(int(part) for part in version("holidays").split(".")[:2])

needs_2028_estimates = pytest.mark.skipif(
    HOLIDAYS < (0, 104), reason=f"holidays {version('holidays')} has no 2028 estimated dates"
)
needs_2027_decree = pytest.mark.skipif(
    HOLIDAYS < (0, 105), reason=f"holidays {version('holidays')} has no 2027 cuti bersama decree"
)
