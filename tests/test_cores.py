import os

from xinfang.cores import map_forked


def test_results_come_back_in_order_from_forked_workers():
    parent = os.getpid()
    shared = {"offset": 1000}  # inherited by the forked workers, never pickled
    results = map_forked(lambda i: (i + shared["offset"], os.getpid()), range(200), min_items=1)
    assert [value for value, _ in results] == list(range(1000, 1200))
    workers = {pid for _, pid in results}
    assert (parent not in workers) if (os.cpu_count() or 1) >= 2 else (workers == {parent})


def test_few_items_run_in_this_process():
    assert map_forked(lambda i: os.getpid(), [1, 2, 3], min_items=4) == [os.getpid()] * 3
