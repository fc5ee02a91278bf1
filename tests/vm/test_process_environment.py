"""The working directory and environment variables a script changes end with its run."""
import os

from tests.vm.harness import Harness


def test_the_next_run_starts_where_the_last_one_did(tmp_path, monkeypatch):
    folder = os.getcwd()
    monkeypatch.chdir(folder)  # whatever happens, the tests after this one start here
    monkeypatch.setenv("SPROUT_LESSON", "")
    monkeypatch.delenv("SPROUT_LESSON")
    harness = Harness()
    result = harness.run(f'''
        import os
        os.chdir({str(tmp_path)!r})
        os.environ['SPROUT_LESSON'] = 'on'
        os.environ.pop('SPROUT_KEPT', None)
        print(os.getcwd() == {str(tmp_path)!r}, os.environ['SPROUT_LESSON'])
    ''')
    assert result.status == "finished" and harness.text() == "True on\n"
    assert os.getcwd() == folder and "SPROUT_LESSON" not in os.environ
    harness = Harness()
    harness.run("import os\nprint(os.getcwd(), os.environ.get('SPROUT_LESSON'))\n")
    assert harness.text() == f"{folder} None\n"


def test_variables_the_ide_had_are_put_back(monkeypatch):
    monkeypatch.setenv("SPROUT_KEPT", "yes")
    result = Harness().run("import os\nos.environ['SPROUT_KEPT'] = 'no'\ndel os.environ['SPROUT_KEPT']\n")
    assert result.status == "finished" and os.environ["SPROUT_KEPT"] == "yes"
