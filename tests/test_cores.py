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


def test_a_worker_killed_is_an_error_not_a_wait_forever():
    import signal
    from concurrent.futures.process import BrokenProcessPool

    import pytest

    parent = os.getpid()

    def work(i):
        if i == 3 and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return i

    if (os.cpu_count() or 1) >= 2:
        with pytest.raises(BrokenProcessPool):
            map_forked(work, range(8), min_items=1)
