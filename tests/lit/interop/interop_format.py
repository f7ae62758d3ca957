"""lit test format for the interop tests (see lit.local.cfg). It lives in its
own module because lit pickles test formats to run tests in parallel."""
import difflib
import os
import subprocess

import lit.Test
import lit.formats

class InteropFormat(lit.formats.TestFormat):
    def getTestsInDirectory(self, testSuite, path_in_suite, litConfig, localConfig):
        corpus = os.path.join(testSuite.source_root, "syntax")
        for name in sorted(os.listdir(corpus)):
            if name.endswith(".mlir"):
                yield lit.Test.Test(testSuite, path_in_suite + (name,), localConfig)

    @staticmethod
    def _run(cmd, env, stdin=None):
        p = subprocess.run(cmd, input=stdin, capture_output=True, env=env, timeout=120)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def execute(self, test, litConfig):
        cfg = test.config
        if "mlir-opt" not in cfg.available_features:
            return lit.Test.UNSUPPORTED, "mlir-opt-22 not found"
        src = os.path.join(cfg.test_source_root, "syntax", test.path_in_suite[-1])
        tmp = test.getExecPath() + ".generic.mlir"
        os.makedirs(os.path.dirname(tmp), exist_ok=True)
        env = dict(os.environ)
        env.update(cfg.environment)
        smopt = [os.path.join(cfg.sm_tools_dir, "smopt"), "--allow-unregistered-dialect"]
        mlir = [cfg.mlir_opt, "--allow-unregistered-dialect"]
        dbg = "--mlir-print-debuginfo"
        log = []

        def step(what, cmd, stdin=None):
            rc, out, err = self._run(cmd, env, stdin)
            log.append("$ %s%s\n%s" % (" ".join(cmd), " < (previous output)" if stdin else "", err))
            if rc != 0:
                raise RuntimeError("%s failed (exit %d)" % (what, rc))
            return out

        def same(what, a, b, name_a, name_b):
            if a != b:
                d = "".join(difflib.unified_diff(a.splitlines(True), b.splitlines(True), name_a, name_b))
                raise RuntimeError("%s differ:\n%s" % (what, d))

        try:
            # (a) MLIR accepts our generic output and sees the same module.
            ours = step("smopt --print-op-generic", smopt + ["--print-op-generic", dbg, src])
            via_ours = step("mlir-opt-22 on smopt's generic output", mlir, ours.encode())
            direct = step("mlir-opt-22 on the original", mlir + [src])
            same("mlir-opt-22's prints of smopt's generic output and of the original",
                 via_ours, direct, "via-smopt", "original")
            # (b) We parse MLIR's generic output and print the same module.
            theirs = step("mlir-opt-22 --mlir-print-op-generic",
                          mlir + ["--mlir-print-op-generic", dbg, src])
            with open(tmp, "w") as f:
                f.write(theirs)
            for flags in ([], [dbg]):
                a = step("smopt on mlir-opt-22's generic output", smopt + flags + [tmp])
                b = step("smopt on the original", smopt + flags + [src])
                same("smopt's prints (%s) of mlir-opt-22's generic output and of the original"
                     % (" ".join(flags) or "no flags"), a, b, "via-mlir-opt", "original")
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            return lit.Test.FAIL, "\n".join(log) + "\n" + str(e)
        except OSError as e:
            return lit.Test.UNRESOLVED, str(e)
        return lit.Test.PASS, ""

