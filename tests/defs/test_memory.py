import gc
import weakref

from pipeline.adapters import memory


class _Node:
    pass


def test_memory_release_collects_cycles_left_by_a_step():
    """A step's frames and objects often sit in reference cycles (tracebacks, closures): they are
    freed only by the cycle collector, which must run before the allocator is trimmed."""
    gc.disable()
    try:
        node = _Node()
        node.self = node
        alive = weakref.ref(node)
        del node
        assert alive() is not None
        memory.release()
        assert alive() is None
    finally:
        gc.enable()
