import StatesEngine

print("asldb-bench: no benchmarks yet")
