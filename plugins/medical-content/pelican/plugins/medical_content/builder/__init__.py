"""The build: Pelican's reader replaced by one that checks each source first, the jobs
and workers that run the checks beside the build, the checks' cache, and the one typed
state of the build in progress."""
