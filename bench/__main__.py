"""``python -m bench [--smoke] [--sizes 100000,1000000] [--out DIR]``: see :mod:`bench`."""

from bench.run import main

raise SystemExit(main())
