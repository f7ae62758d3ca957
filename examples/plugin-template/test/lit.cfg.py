# lit configuration of the plugin's tests: %smopt is the installed smopt,
# %plugin the plugin built next to this suite.
import os
import lit.formats

config.name = "sm-template-plugin"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".mlir"]
config.substitutions.append(("%smopt", config.smopt))
config.substitutions.append(("%plugin", config.plugin))
config.environment["PATH"] = os.pathsep.join([config.filecheck_dir, config.environment.get("PATH", "")])
