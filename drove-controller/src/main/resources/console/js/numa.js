// An executor's NUMA layout: for each node, every core as a square (free, used — by whom —, or reserved: in the
// physical layout but offered to no one, such as the cores kept for the OS) and the node's memory as a bar.

import {h} from './dom.js';
import {megabytes, numericKeys, percent} from './format.js';

/**
 * snapshot: ExecutorNodeData.state ({cpus: {freeCores, usedCores}, memory: {freeMemory, usedMemory},
 * layout: {cores, memory}}); owners: Map coreId -> "who holds it".
 */
export function numaLayout(snapshot, owners) {
    const cpus = (snapshot && snapshot.cpus) || {};
    const memory = (snapshot && snapshot.memory) || {};
    const layout = (snapshot && snapshot.layout) || {};
    const free = cpus.freeCores || {};
    const used = cpus.usedCores || {};
    const physical = layout.cores || {};
    const nodes = [...new Set([...numericKeys(physical), ...numericKeys(free), ...numericKeys(used)])]
        .sort((a, b) => Number(a) - Number(b));
    if (nodes.length === 0) {
        return h('p', {class: 'muted'}, 'The executor has not reported its resources yet.');
    }
    return h('div', {class: 'numa'}, nodes.map((node) => numaNode(node, {
        free: new Set(free[node] || []), used: new Set(used[node] || []), physical: new Set(physical[node] || []),
        freeMB: (memory.freeMemory || {})[node] || 0, usedMB: (memory.usedMemory || {})[node] || 0,
        physicalMB: (layout.memory || {})[node],
    }, owners)), legend());
}

function numaNode(node, n, owners) {
    const all = [...new Set([...n.physical, ...n.free, ...n.used])].sort((a, b) => a - b);
    const reserved = all.filter((core) => !n.free.has(core) && !n.used.has(core));
    const offeredMB = n.freeMB + n.usedMB;
    const totalMB = Math.max(n.physicalMB || 0, offeredMB);
    const reservedMB = totalMB - offeredMB;
    return h('div', {class: 'numa-node', dataset: {numaNode: node}},
        h('div', {class: 'numa-head'}, h('strong', {}, `Node ${node}`),
            h('span', {class: 'dim'}, `${n.used.size} used · ${n.free.size} free`
                + (reserved.length ? ` · ${reserved.length} reserved` : ''))),
        h('div', {class: 'cores'}, all.map((core) => {
            const kind = n.used.has(core) ? 'used' : n.free.has(core) ? 'free' : 'reserved';
            const who = owners.get(core);
            return h('span', {class: ['core', `core-${kind}`], dataset: {core, state: kind},
                title: `Core ${core}: ${kind}${kind === 'used' && who ? ` by ${who}` : ''}`
                    + (kind === 'reserved' ? ' (not offered for scheduling, e.g. kept for the OS)' : '')}, String(core));
        })),
        h('div', {class: 'numa-mem'},
            h('div', {class: 'bar bar-split', title: `${megabytes(n.usedMB)} used, ${megabytes(n.freeMB)} free`
                + (reservedMB > 0 ? `, ${megabytes(reservedMB)} reserved` : '')},
            h('div', {class: 'bar-used', style: {width: `${percent(n.usedMB, totalMB)}%`}}),
            h('div', {class: 'bar-free', style: {width: `${percent(n.freeMB, totalMB)}%`}}),
            h('div', {class: 'bar-reserved', style: {width: `${percent(reservedMB, totalMB)}%`}})),
            h('div', {class: 'meter-legend'}, h('span', {class: 'legend-used'}, `${megabytes(n.usedMB)} used`),
                h('span', {class: 'legend-free'}, `${megabytes(n.freeMB)} free`),
                reservedMB > 0 ? h('span', {class: 'legend-reserved'}, `${megabytes(reservedMB)} reserved`) : null)));
}

function legend() {
    return h('div', {class: 'numa-legend'},
        h('span', {}, h('span', {class: 'core core-free'}), ' free'),
        h('span', {}, h('span', {class: 'core core-used'}), ' used'),
        h('span', {}, h('span', {class: 'core core-reserved'}), ' reserved (OS / not offered)'));
}
