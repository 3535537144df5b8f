/** A point in pixels (origin top-left) and the size of the label it needs. */
export interface LabelRequest {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a label's box goes (top-left corner, pixels), and whether it needs a leader line back to its point. */
export interface PlacedLabel {
  x: number;
  y: number;
  leader: boolean;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

const RADII = [8, 18, 30, 46, 66, 90, 120, 160];
const COVER = 1000;

/** Whether the line from the point to the middle of its box passes through `other` (sampled every few pixels). */
function crosses(point: { x: number; y: number }, box: Box, other: Box): boolean {
  const end = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const steps = Math.max(2, Math.ceil(Math.hypot(end.x - point.x, end.y - point.y) / 4));
  for (let i = 1; i < steps; i++) {
    const x = point.x + ((end.x - point.x) * i) / steps;
    const y = point.y + ((end.y - point.y) * i) / steps;
    if (x >= other.x && x <= other.x + other.width && y >= other.y && y <= other.y + other.height && !(x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height)) return true;
  }
  return false;
}
const ANGLES = [0, 180, 90, 270, 30, 150, 210, 330, 60, 120, 240, 300];

/**
 * Greedy label placement for a scatter plot: each label tries positions around its point, nearest first (right,
 * left, above, below, then the diagonals, then further out), and takes the first one inside the plot that covers no
 * other label and no point marker and whose leader line crosses no label; failing that, the one that covers least,
 * then crosses fewest. Labels away from their point get a leader line. Points are placed in the order given.
 */
export function placeLabels(requests: LabelRequest[], area: { width: number; height: number }, markerRadius = 6): PlacedLabel[] {
  const markers: Box[] = requests.map((r) => ({ x: r.x - markerRadius, y: r.y - markerRadius, width: 2 * markerRadius, height: 2 * markerRadius }));
  const placed: Box[] = [];
  return requests.map((request) => {
    let best: { box: Box; cost: number; radius: number } | undefined;
    for (const radius of RADII) {
      for (const angle of ANGLES) {
        const cos = Math.cos((angle * Math.PI) / 180);
        const sin = Math.sin((angle * Math.PI) / 180);
        const cx = request.x + radius * cos;
        const cy = request.y - radius * sin;
        const box = {
          x: cos > 0.3 ? cx : cos < -0.3 ? cx - request.width : cx - request.width / 2,
          y: sin > 0.3 ? cy - request.height : sin < -0.3 ? cy : cy - request.height / 2,
          width: request.width,
          height: request.height,
        };
        if (box.x < 0 || box.y < 0 || box.x + box.width > area.width || box.y + box.height > area.height) continue;
        // Covering a label or a point is worst; then a leader line drawn across another label.
        let cost = COVER * [...placed, ...markers].reduce((sum, other) => sum + overlap(box, other), 0);
        if (radius > RADII[0]!) cost += placed.filter((other) => crosses(request, box, other)).length;
        if (!best || cost < best.cost) best = { box, cost, radius };
        if (cost === 0) break;
      }
      if (best?.cost === 0) break;
    }
    // A label wider than the plot: keep it inside horizontally, beside its point.
    const box = best?.box ?? { x: Math.max(0, Math.min(area.width - request.width, request.x + markerRadius)), y: Math.max(0, request.y - request.height / 2), width: request.width, height: request.height };
    placed.push(box);
    return { x: box.x, y: box.y, leader: (best?.radius ?? 0) > RADII[0]! };
  });
}
