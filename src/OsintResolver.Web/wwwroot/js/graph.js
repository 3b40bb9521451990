// The entity's network: Cytoscape.js renders what GET /api/entities/{id}/graph returns. Clicking
// a node fetches its own neighbourhood and merges it in; double-clicking opens its profile.
// Labels come from crawled data: they are drawn on a canvas as text, never parsed as HTML.
import cytoscape from '/lib/cytoscape.esm.min.mjs';
import { api } from '/js/site.js';

const container = document.getElementById('network');
const status = document.getElementById('network-status');
const hopsSelect = document.getElementById('network-hops');

function say(text) {
  if (status) status.textContent = text;
}

const style = [
  { selector: 'node', style: {
      'label': 'data(label)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 140,
      'text-valign': 'bottom', 'text-margin-y': 4, 'background-color': '#5b7083', 'width': 18, 'height': 18 } },
  { selector: 'node[schema = "Person"]', style: { 'background-color': '#2f7ebd', 'shape': 'ellipse' } },
  { selector: 'node[schema = "Company"], node[schema = "Organization"], node[schema = "LegalEntity"]', style: { 'background-color': '#6c5ba7', 'shape': 'round-rectangle' } },
  { selector: 'node[schema = "Vessel"]', style: { 'background-color': '#178f8f', 'shape': 'diamond' } },
  { selector: 'node[schema = "Address"]', style: { 'background-color': '#9a9a9a', 'shape': 'triangle' } },
  { selector: 'node[?sanctioned]', style: { 'border-width': 3, 'border-color': '#c0392b' } },
  { selector: 'node[hop = 0]', style: { 'width': 28, 'height': 28, 'font-weight': 'bold' } },
  { selector: 'node.expanded', style: { 'border-style': 'double' } },
  { selector: 'edge', style: {
      'label': 'data(label)', 'font-size': 8, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
      'width': 1.5, 'line-color': '#aab4be', 'target-arrow-color': '#aab4be', 'text-rotation': 'autorotate', 'color': '#555' } },
];

async function load(cy, id, hops) {
  const data = await api(`/api/entities/${encodeURIComponent(id)}/graph?hops=${hops}`);
  const added = cy.add([
    ...data.elements.nodes.filter(n => cy.getElementById(n.data.id).empty()).map(n => ({ group: 'nodes', data: n.data })),
    ...data.elements.edges.filter(e => cy.getElementById(e.data.id).empty()).map(e => ({ group: 'edges', data: e.data })),
  ]);
  cy.getElementById(id).addClass('expanded');
  return { data, added };
}

async function start() {
  if (!container) return;
  const root = container.dataset.entityId;
  const cy = cytoscape({ container, style, minZoom: 0.2, maxZoom: 3 });
  window.osintGraph = cy; // for the browser tests and the curious

  async function draw(hops) {
    cy.elements().remove();
    say('Loading the network…');
    try {
      const { data } = await load(cy, root, hops);
      cy.layout({ name: 'cose', animate: false, randomize: true, padding: 40 }).run();
      if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(); } // a small network should not fill the box with giant nodes
      say(`${data.elements.nodes.length} entities, ${data.elements.edges.length} links${data.truncated ? ' (truncated)' : ''}.`);
      container.dataset.ready = 'true';
    } catch (err) {
      say(`Could not load the network: ${err.message}`);
    }
  }

  cy.on('tap', 'node', async event => {
    const node = event.target;
    if (node.hasClass('expanded')) return;
    say(`Expanding ${node.data('label')}…`);
    try {
      const { added } = await load(cy, node.id(), 1);
      if (added.length > 0) {
        cy.layout({ name: 'cose', animate: false, randomize: false }).run();
      }
      say(`${cy.nodes().length} entities, ${cy.edges().length} links.`);
    } catch (err) {
      say(`Could not expand: ${err.message}`);
    }
  });
  cy.on('dbltap', 'node', event => {
    window.location.assign(`/entities/${encodeURIComponent(event.target.id())}`);
  });
  hopsSelect?.addEventListener('change', () => draw(Number(hopsSelect.value)));
  await draw(Number(hopsSelect?.value || 1));
}

start();
