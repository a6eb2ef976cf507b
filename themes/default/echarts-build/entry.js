// The parts of ECharts that tkpk's pages use, and nothing else: line, bar and scatter charts
// on a grid, with tooltip, legend (plain and scrolling), mark lines and mark areas (the
// province's lines and the quadrants), label layout (points' labels kept inside), drawn by
// the SVG renderer. A chart type or component the options name and this build lacks is a
// blank chart: add it here and run build.sh.
import * as echarts from "echarts/core";
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from "echarts/components";
import { LabelLayout } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  LabelLayout,
  SVGRenderer,
]);

export const init = echarts.init;
export const version = echarts.version;
