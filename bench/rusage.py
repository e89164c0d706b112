# Runs a command and prints its peak RSS (KiB) and CPU seconds (user+sys), as JSON on stderr.
import json, resource, subprocess, sys
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(json.dumps({"code": p.returncode, "maxrss_kib": r.ru_maxrss, "cpu_s": r.ru_utime + r.ru_stime}) + "\n")
