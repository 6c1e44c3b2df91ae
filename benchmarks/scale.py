"""The build's bookkeeping as the archive grows: a first build, a no-op rebuild and publishing, per document,
at 1,000, 10,000 and 50,000 XML-only documents (tiny generated seeds), so that growth shows as a change
in the time per document (the no-op rebuild and publishing: the median of three runs).

Run: `make bench-scale` (`--sizes 1000,5000` for other sizes; the 50,000 first build takes minutes).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from pipeline import build
from pipeline.config import Config
from pipeline.site import publish

PAGE = """首页 > 新闻中心 > 本地新闻
{place}新增第{n}号{facility}
{year}年{month}月{day}日 来源：{outlet} 作者：李红
记者从{place}市有关部门获悉，第{n}号{facility}近日完工，总长约{km}公里，沿途设置了饮水点和休息座椅。
据介绍，新设施采用透水材料铺设，雨后不积水，周边补种了{tree}，适合市民早晚散步和锻炼。
【打印本页】 【关闭窗口】
"""
PLACES = ("桂林", "洛阳", "泉州", "绍兴", "大理", "开封", "扬州", "敦煌", "丽江", "延安", "遵义", "赣州", "柳州",
          "常德", "岳阳", "宜宾", "泸州", "九江", "芜湖", "蚌埠", "徐州", "南通", "台州", "丽水", "漳州", "莆田",
          "汕头", "湛江", "北海", "三亚", "玉溪", "曲靖", "天水", "张掖", "银川", "包头", "大同", "长治", "邯郸")
FACILITIES = ("健身步道", "社区书屋", "口袋公园", "便民驿站", "骑行绿道", "滨水广场", "儿童乐园")
TREES = ("银杏", "樟树", "桂花", "梧桐", "柳树", "松树", "杉树", "槐树", "枫树", "榆树", "桃树", "梅树", "竹子")
OUTLETS = ("城市晚报", "江南日报", "滨海新闻网", "山城商报", "北方时报", "南国都市报", "湖畔周刊", "高原日报",
           "运河之声", "海峡导报", "边城晨报")


def page(n: int) -> str:
    """The n-th generated article: its place, facility, tree, outlet and month vary with n."""
    return PAGE.format(n=n, place=PLACES[n % len(PLACES)], facility=FACILITIES[n % len(FACILITIES)],
                       tree=TREES[n % len(TREES)], outlet=OUTLETS[n % len(OUTLETS)], year=2023 + n // 12 % 2,
                       month=n % 12 + 1, day=n % 28 + 1, km=n % 9 + 1)


def seeds(folder: Path, count: int) -> None:
    """`count` tiny article pages, each its own."""
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"doc{n:06d}.txt").write_text(page(n), "utf-8")


REPEATS = 3  # no-op rebuilds and publishes timed at each size


def measure(count: int, jobs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        seeds(root / "seeds", count)
        config = Config(seeds=root / "seeds", out=root / "dist", formats=("xml",), variants=("zh-Hans",), jobs=jobs)
        times = {}
        started = time.perf_counter()
        summary = build.run(config)
        times["first build"] = time.perf_counter() - started
        assert not summary.failed, summary.failed[:3]
        noop, published = [], []
        for _ in range(REPEATS):  # the median of several: at 1,000 documents a run takes a few tenths of a second
            started = time.perf_counter()
            summary = build.run(config)
            noop.append(time.perf_counter() - started)
            assert sum(r.skipped for r in summary.results) == count, "every document up to date"
            started = time.perf_counter()
            publish(config.out)
            published.append(time.perf_counter() - started)
        times["no-op rebuild"], times["publish"] = statistics.median(noop), statistics.median(published)
        return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = {size: measure(size, args.jobs) for size in sizes}
    print(f"{'documents':>10} {'first build s':>14} {'no-op rebuild s':>16} {'publish s':>10}   ms per document "
          "(first, no-op, publish)")
    for size, times in rows.items():
        per = [1000 * times[k] / size for k in ("first build", "no-op rebuild", "publish")]
        print(f"{size:>10,} {times['first build']:>14.1f} {times['no-op rebuild']:>16.1f} {times['publish']:>10.1f}"
              f"   {per[0]:.2f}, {per[1]:.2f}, {per[2]:.2f}")
    first, last = sizes[0], sizes[-1]
    for key in ("no-op rebuild", "publish"):
        growth = (rows[last][key] / last) / (rows[first][key] / first)
        print(f"{key}: time per document at {last:,} is {growth:.2f}× that at {first:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
