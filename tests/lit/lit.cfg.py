# lit configuration for smartmem's FileCheck tests.
import os
import lit.formats

config.name = "smartmem"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.sm_obj_root, "tests", "lit")

config.environment["PATH"] = os.pathsep.join(
    [config.sm_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
# ASan builds: leaks are errors, reports are fatal.
for var in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

config.substitutions.append(("%python", config.python))
config.substitutions.append(("%sm_src", config.sm_src_root))
config.substitutions.append(("%sm_lib", config.sm_lib_dir))
config.substitutions.append(("%shared", config.shared_dir))

# The interop oracle: tests that need mlir-opt-22 say `REQUIRES: mlir-opt`
# and are reported UNSUPPORTED (skipped, not passed) when it is missing.
if config.mlir_opt and os.path.exists(config.mlir_opt):
    config.available_features.add("mlir-opt")
    config.substitutions.append(("%mlir_opt", config.mlir_opt))
else:
    lit_config.note("mlir-opt-22 not found: interop tests will be skipped")
if os.path.isdir(config.shared_dir):
    config.available_features.add("shared-models")
else:
    lit_config.note("../shared not found: model tests will be skipped")
# OpenCL runs with image layouts: `REQUIRES: opencl-images` tests are
# UNSUPPORTED (skipped, not passed) unless smrun was built with OpenCL, it
# finds a device, and clinfo reports image support.
import shutil, subprocess
def _opencl_images():
    smrun = os.path.join(config.sm_tools_dir, "smrun")
    try:
        if subprocess.run([smrun, "--backend=opencl", "--list-devices"], capture_output=True, timeout=60).returncode != 0:
            return False, "smrun finds no OpenCL device"
        if not shutil.which("clinfo"):
            return False, "clinfo is missing"
        out = subprocess.run(["clinfo"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError) as e:
        return False, str(e)
    for line in out.splitlines():
        if line.strip().startswith("Image support"):
            return line.split()[-1] == "Yes", "the OpenCL device has no image support"
    return False, "clinfo does not report image support"
_ok, _why = _opencl_images()
if _ok:
    config.available_features.add("opencl-images")
else:
    lit_config.note("OpenCL image tests will be skipped: " + _why)
