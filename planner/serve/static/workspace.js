// planner 工作台: sends each edit to the server (which saves the file and answers with the
// new version, preview and findings) and puts the answer into the page. No framework.
(() => {
  'use strict';
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
  const ws = $('#workspace');
  const TYPING_PAUSE = 600; // ms without a keystroke before a field is saved

  async function request(url, options) {
    let response;
    try {
      response = await fetch(url, options);
    } catch (e) {
      return {ok: false, status: 0, data: {error: '无法连接工作台（planner serve 是否已停止？）', field: ''}};
    }
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('application/json')) {
      return {ok: response.ok, status: response.status, data: await response.json(), response};
    }
    return {ok: response.ok, status: response.status, data: null, response};
  }

  function post(url, body) {
    return request(url, {method: 'POST', body: JSON.stringify(body),
      headers: {'Content-Type': 'application/json', 'X-Planner': '1'}});
  }

  function errorBox(root, field) {
    return $$('.error', root).find((box) => box.dataset.for === field);
  }

  function showError(root, field, message) {
    const box = errorBox(root, field) || errorBox(root, '');
    if (box) {
      box.textContent = message;
      box.classList.add('shown');
    } else {
      setStatus(message, 'bad');
    }
    const input = $$('[name]', root).find((el) => el.name === field);
    if (input) input.classList.add('invalid');
  }

  function clearError(root, field) {
    const box = errorBox(root, field);
    if (box) { box.textContent = ''; box.classList.remove('shown'); }
    const input = $$('[name]', root).find((el) => el.name === field);
    if (input) input.classList.remove('invalid');
  }

  function setStatus(text, kind) {
    const status = $('#status');
    if (!status) return;
    status.textContent = text;
    status.className = 'status ' + (kind || '');
  }

  // --- the workspace: one change at a time, each on the version the last one returned ----
  let queue = Promise.resolve();

  function change(url, body, field) {
    queue = queue.then(() => send(url, body, field));
    return queue;
  }

  async function send(url, body, field) {
    setStatus('正在保存…', 'busy');
    const payload = Object.assign({file: ws.dataset.file, version: ws.dataset.version}, body);
    const result = await post(url, payload);
    if (result.ok) {
      update(result.data);
      if (field !== undefined) clearError(document, field);
      const now = new Date().toLocaleTimeString('zh-CN', {hour12: false});
      setStatus(`已保存（${now}）；${result.data.summary}`, 'ok');
    } else if (result.status === 409) {
      const banner = $('#banner');
      $('.text', banner).textContent = result.data.error;
      banner.hidden = false;
      setStatus('未保存', 'bad');
    } else {
      const data = result.data || {error: '出错了', field: ''};
      showError(document, data.field || field || '', data.error);
      setStatus('未保存：' + data.error, 'bad');
    }
  }

  function update(data) {
    ws.dataset.version = data.version;
    if (data.form !== undefined) {
      const kept = keepLibraries();
      $('#form').innerHTML = data.form;
      restoreLibraries(kept);
      lastSent.clear();
    } else {
      for (const box of $$('[data-findings]')) box.innerHTML = data.findings[box.dataset.findings] || '';
    }
    $('#preview').innerHTML = data.preview;
    fitPreview();
  }

  // The preview is an A4 page at its real size, scaled down to fit its pane.
  function fitPreview() {
    const doc = $('.doc');
    if (!doc) return;
    doc.style.zoom = '';
    const room = $('#preview').clientWidth - 4;
    doc.style.zoom = String(Math.min(1, room / doc.offsetWidth));
  }

  // The clause library panels stay open, with their hits, when the form is rebuilt.
  function keepLibraries() {
    return $$('.item').map((li) => {
      const lib = $('.library', li);
      return {key: li.dataset.key, open: lib.open, q: $('.q', lib).value, hits: $('.hits', lib).innerHTML};
    });
  }

  function restoreLibraries(kept) {
    for (const old of kept) {
      const li = $$('.item').find((el) => el.dataset.key === old.key);
      if (!li || !old.open) continue;
      const lib = $('.library', li);
      lib.open = true;
      $('.q', lib).value = old.q;
      $('.hits', lib).innerHTML = old.hits;
    }
  }

  // --- fields: saved when the typing pauses, or at once when the field is left -----------
  const timers = new Map();
  const lastSent = new Map();

  function saveField(input) {
    clearTimeout(timers.get(input.name));
    timers.delete(input.name);
    const value = input.value;
    if (lastSent.get(input.name) === value) return;
    lastSent.set(input.name, value);
    change('/api/edit', {op: 'set', args: {path: input.name, value}}, input.name);
  }

  function onFieldInput(event) {
    const input = event.target;
    if (!input.name || !input.closest('#outline')) return;
    clearTimeout(timers.get(input.name));
    timers.set(input.name, setTimeout(() => saveField(input), TYPING_PAUSE));
  }

  function onFieldChange(event) {
    const input = event.target;
    if (input.name && input.closest('#outline')) saveField(input);
  }

  // --- buttons ---------------------------------------------------------------------------
  async function onClick(event) {
    const button = event.target.closest('button');
    if (!button || !ws) return;
    const item = button.closest('.item');
    if (button.dataset.op) {
      if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
      change('/api/edit', {op: button.dataset.op, args: JSON.parse(button.dataset.args || '{}')});
    } else if (button.classList.contains('add-item-button')) {
      const box = button.closest('.add-item');
      change('/api/edit', {op: 'add_item', args: {part: Number(button.dataset.part),
        heading: $('.new-heading', box).value, keywords: $('.new-keywords', box).value}});
    } else if (button.classList.contains('fix')) {
      change('/api/fix', {finding: button.dataset.finding || null});
    } else if (button.classList.contains('search-button')) {
      search(button.closest('.library'));
    } else if (button.classList.contains('pick') && item) {
      change('/api/pick', {part: Number(item.dataset.part), item: Number(item.dataset.item),
        cluster: Number(button.dataset.cluster), clause: Number(button.dataset.clause)});
    } else if (button.classList.contains('show-variants')) {
      const result = await request('/api/variants?cluster=' + button.dataset.cluster);
      $('.variants-box', button.closest('.hit')).innerHTML = result.ok ? await result.response.text() : '';
    } else if (button.dataset.dialog) {
      $('#' + button.dataset.dialog).showModal();
    } else if (button.classList.contains('tab')) {
      for (const tab of $$('.tab')) tab.classList.toggle('on', tab === button);
      for (const body of $$('.tab-body')) body.hidden = body.id !== button.dataset.tab;
    } else if (button.id === 'pages-button') {
      pages(button);
    } else if (button.id === 'rollover-button') {
      const result = await post('/api/rollover', {file: ws.dataset.file, year: $('#rollover-year').value});
      if (result.ok) window.location = result.data.location;
      else showError(document, result.data.field, result.data.error);
    }
  }

  async function search(library) {
    const query = $('.q', library).value;
    const part = $('.part-filter', library).value;
    const box = $('.search-error', library);
    box.textContent = '';
    const result = await request('/api/clauses?' + new URLSearchParams({q: query, part}));
    if (result.ok) $('.hits', library).innerHTML = await result.response.text();
    else box.textContent = result.data.error;
  }

  async function pages(button) {
    button.disabled = true;
    clearError(document, 'pages');
    const box = $('.page-images');
    box.innerHTML = '<p class="hint">正在排版…</p>';
    const result = await post('/api/pages', {file: ws.dataset.file});
    button.disabled = false;
    box.innerHTML = '';
    if (!result.ok) { showError(document, 'pages', result.data.error); return; }
    for (const src of result.data.images) {
      const img = document.createElement('img');
      img.src = src;
      img.alt = '页面图像';
      box.appendChild(img);
    }
  }

  // --- drag an item to another place (in its part or another) -----------------------------
  let dragged = null;

  function onDragStart(event) {
    const item = event.target.closest && event.target.closest('.item');
    if (!item || event.target.closest('input, textarea, select')) return;
    dragged = {part: Number(item.dataset.part), item: Number(item.dataset.item)};
    event.dataTransfer.effectAllowed = 'move';
  }

  function onDragOver(event) {
    if (dragged && event.target.closest && event.target.closest('.items')) event.preventDefault();
  }

  function onDrop(event) {
    const list = dragged && event.target.closest && event.target.closest('.items');
    if (!list) return;
    event.preventDefault();
    const over = event.target.closest('.item');
    const toPart = Number(list.dataset.part);
    let to = over ? Number(over.dataset.item) : $$('.item', list).length;
    if (toPart === dragged.part && to > dragged.item) to -= 1;
    const from = dragged;
    dragged = null;
    if (toPart === from.part && to === from.item) return;
    change('/api/edit', {op: 'move_item', args: {part: from.part, item: from.item, to_part: toPart, to}});
  }

  // --- unit names: suggestions for the last name typed in a list field ---------------------
  function onSuggest(event) {
    const input = event.target;
    if (!input.dataset || !input.dataset.suggest) return;
    closeSuggestions();
    const words = input.value.split(/[、，,；;]/);
    const last = words[words.length - 1].trim();
    if (!last) return;
    const names = $$('#' + input.dataset.suggest + ' option').map((o) => o.value)
      .filter((name) => name.includes(last) && name !== last).slice(0, 8);
    if (!names.length) return;
    const menu = document.createElement('ul');
    menu.className = 'suggestions';
    for (const name of names) {
      const li = document.createElement('li');
      li.textContent = name;
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        words[words.length - 1] = name;
        input.value = words.join('、');
        closeSuggestions();
        saveField(input);
      });
      menu.appendChild(li);
    }
    input.after(menu);
  }

  function closeSuggestions() {
    for (const menu of $$('.suggestions')) menu.remove();
  }

  // --- downloads that ask for something first (印发通知, 对照表) -----------------------------
  async function onDownload(event) {
    const form = event.target;
    if (!form.classList.contains('download-form') || event.submitter?.value !== 'download') return;
    event.preventDefault();
    for (const box of $$('.error', form)) { box.textContent = ''; box.classList.remove('shown'); }
    const query = new URLSearchParams(new FormData(form));
    query.set('file', ws.dataset.file);
    const result = await request(`/download/${form.dataset.download}?${query}`);
    if (!result.ok) { showError(form, result.data.field || '', result.data.error); return; }
    const header = result.response.headers.get('Content-Disposition') || '';
    const name = decodeURIComponent((header.match(/filename\*=UTF-8''(.+)$/) || [])[1] || 'planner.docx');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await result.response.blob());
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    form.closest('dialog').close();
  }

  // --- the start page: rollover and upload --------------------------------------------------
  async function onStartForm(event) {
    const form = event.target;
    if (form.id !== 'rollover-form' && form.id !== 'upload-form') return;
    event.preventDefault();
    for (const box of $$('.error', form)) { box.textContent = ''; box.classList.remove('shown'); }
    let result;
    if (form.id === 'rollover-form') {
      result = await post('/api/rollover', Object.fromEntries(new FormData(form)));
    } else {
      result = await request('/api/upload', {method: 'POST', body: new FormData(form), headers: {'X-Planner': '1'}});
    }
    if (result.ok) window.location = result.data.location;
    else showError(form, result.data.field || '', result.data.error);
  }

  // Working on an item shows its paragraph in the preview.
  function onFocus(event) {
    const item = event.target.closest && event.target.closest('.item');
    if (!item) return;
    const heading = $('input[name$=".heading"]', item).value.trim();
    for (const p of $$('#preview .doc p')) p.classList.remove('here');
    const found = heading && $$('#preview .doc p').find((p) => p.textContent.includes(heading));
    if (found) {
      found.classList.add('here');
      const pane = $('.preview-pane'); // scrolled alone: the form stays where the user is
      pane.scrollTop += found.getBoundingClientRect().top - pane.getBoundingClientRect().top - pane.clientHeight / 3;
    }
  }

  document.addEventListener('focusin', onFocus);
  window.addEventListener('resize', fitPreview);
  fitPreview();
  document.addEventListener('click', onClick);
  document.addEventListener('input', (e) => { onFieldInput(e); onSuggest(e); });
  document.addEventListener('change', onFieldChange);
  document.addEventListener('focusout', closeSuggestions);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target.classList.contains('q')) { e.preventDefault(); search(e.target.closest('.library')); }
  });
  document.addEventListener('dragstart', onDragStart);
  document.addEventListener('dragover', onDragOver);
  document.addEventListener('drop', onDrop);
  document.addEventListener('submit', (e) => { onDownload(e); onStartForm(e); });
})();
