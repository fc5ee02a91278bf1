"""The console's log: all the output, on disk, read back by line and saved whole."""
import errno
import tempfile

from ide.output_log import OutputLog, byte_length


def test_lines_are_read_back_from_where_they_begin():
    log = OutputLog()
    log.write("short\n")
    start = log.size
    log.write("é🌱" * 10 + "\nnext\n")
    assert log.line_from(0, 100) == ("short", False)
    assert log.line_from(start, 100) == ("é🌱" * 10, False)
    assert log.line_from(start, 5) == ("é🌱é🌱é", True)
    assert byte_length("é🌱") == len("é🌱".encode())
    log.close()


def test_save_writes_every_byte_and_clear_starts_again(tmp_path):
    log = OutputLog()
    log.write("a" * 3_000_000 + "\n")
    log.write("ünïcode \udc80 end\n")
    log.save_to(tmp_path / "out.txt")
    text = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert text == "a" * 3_000_000 + "\nünïcode \\udc80 end\n"
    log.clear()
    log.write("fresh\n")
    log.save_to(tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "fresh\n"
    log.close()


def test_a_full_disk_is_remembered_not_raised(monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    log = OutputLog()
    log.write("lost\n")
    assert log.error == "No space left on device"
    assert log.size == 5  # later lines still know where they begin
    assert log.line_from(0, 10) == ("", False)
