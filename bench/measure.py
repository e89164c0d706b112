# Times commands round-robin (one run of each in turn), so drift on a shared machine hits every
# command alike and the ratios stay stable. Reads {"runs","warmup","commands":{name:[argv]}} as
# JSON on stdin; prints {name: {"wall_ms", "cpu_ms", "maxrss_kib"}} medians as JSON on stdout.
import json, resource, statistics, subprocess, sys, time

spec = json.load(sys.stdin)
names = list(spec["commands"])
samples = {n: {"wall_ms": [], "cpu_ms": [], "maxrss_kib": []} for n in names}
for i in range(spec["warmup"] + spec["runs"]):
    for n in names:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        p = subprocess.run(spec["commands"][n], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = (time.perf_counter() - t) * 1000
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if p.returncode != 0:
            sys.exit(f"{n} exited {p.returncode}")
        if i >= spec["warmup"]:
            samples[n]["wall_ms"].append(wall)
            samples[n]["cpu_ms"].append(((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000)
            # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: run the memory check alone.
json.dump({n: {k: statistics.median(v) for k, v in s.items() if v} for n, s in samples.items()}, sys.stdout)
