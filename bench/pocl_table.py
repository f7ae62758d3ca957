"""The model rows of a bench/pocl_vs_ort.sh table (bench/pocl_rounds.py writes
the same columns), read by bench/pocl_plot.py and bench/pocl_rounds.py.
Columns: model | onnxruntime | smartmem forward | smartmem end to end |
naive forward | speedup over naive | smartmem / onnxruntime | kernels."""


def model_rows(path, min_cells):
    """The cells (stripped) of each model row that has at least min_cells."""
    with open(path) as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < min_cells or cells[0] in ("model", "") or cells[0].startswith("---"):
                continue
            yield cells
