// HtmlService: HtmlOutput and HtmlTemplate over the project's .html files. Templates compile
// `<?= ?>` (escaped), `<?!= ?>` (raw) and `<? ?>` (code) into a function run in the script's
// own global scope, with the template's assigned variables in scope, as Apps Script does.

import type { Runtime } from '../runtime';
import { makeEnum, type ProjectView } from './shared';

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Turns template text into JS statements appending to `__out` (run with the variables in scope). */
export function compileTemplate(source: string): string {
  const code: string[] = ['var __out = [];'];
  const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    if (match.index > last) code.push(`__out.push(${JSON.stringify(source.slice(last, match.index))});`);
    const body = (match[2] ?? '').trim();
    if (match[1] === '=') code.push(`__out.push(__escape(${body}));`);
    else if (match[1] === '!=') code.push(`__out.push(String(${body}));`);
    else code.push(body);
    last = pattern.lastIndex;
  }
  if (last < source.length) code.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  code.push('return __out.join("");');
  return code.join('\n');
}

/** HtmlOutputs handed out, so the Ui can tell an HtmlOutput from a template or a string. */
export const htmlOutputs = new WeakSet<object>();

export interface HtmlOutputData {
  content: string;
  title: string;
  width: number;
  height: number;
  sandboxMode: string;
  xFrameOptionsMode: string;
}

/** Reads the recorded data of an HtmlOutput the script passed to the Ui. */
export const htmlData = new WeakMap<object, HtmlOutputData>();

class HtmlOutput {
  readonly #data: HtmlOutputData;

  constructor(data: HtmlOutputData) {
    this.#data = data;
  }

  getContent(): string {
    return this.#data.content;
  }

  setContent(content: unknown): this {
    this.#data.content = String(content);
    return this;
  }

  append(addedContent: unknown): this {
    this.#data.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: unknown): this {
    this.#data.content += escapeHtml(addedContent);
    return this;
  }

  clear(): this {
    this.#data.content = '';
    return this;
  }

  getTitle(): string {
    return this.#data.title;
  }

  setTitle(title: unknown): this {
    this.#data.title = String(title);
    return this;
  }

  getWidth(): number {
    return this.#data.width;
  }

  setWidth(width: unknown): this {
    this.#data.width = Number(width);
    return this;
  }

  getHeight(): number {
    return this.#data.height;
  }

  setHeight(height: unknown): this {
    this.#data.height = Number(height);
    return this;
  }

  setSandboxMode(mode: unknown): this {
    // Google ignores the mode now (IFRAME for all) but records nothing else either.
    this.#data.sandboxMode = String(mode);
    return this;
  }

  setXFrameOptionsMode(mode: unknown): this {
    this.#data.xFrameOptionsMode = String(mode);
    return this;
  }

  addMetaTag(): this {
    return this;
  }

  setFaviconUrl(): this {
    return this;
  }
}

const TEMPLATE_METHODS = new Set(['evaluate', 'getCode', 'getCodeWithComments', 'getRawContent']);

class HtmlServiceImpl {
  readonly #runtime: Runtime;
  readonly #project: ProjectView;
  readonly SandboxMode;
  readonly XFrameOptionsMode;

  constructor(runtime: Runtime, project: ProjectView) {
    this.#runtime = runtime;
    this.#project = project;
    this.SandboxMode = makeEnum(runtime, 'SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE']);
    this.XFrameOptionsMode = makeEnum(runtime, 'XFrameOptionsMode', ['ALLOWALL', 'DEFAULT']);
  }

  #output(content: string): GoogleAppsScript.HTML.HtmlOutput {
    const data: HtmlOutputData = {
      content,
      title: '',
      width: 0,
      height: 0,
      sandboxMode: 'IFRAME',
      xFrameOptionsMode: 'DEFAULT',
    };
    const output = this.#runtime.instrument(new HtmlOutput(data), 'HtmlOutput');
    htmlOutputs.add(output);
    htmlData.set(output, data);
    return output as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  #file(filename: unknown): string {
    const name = String(filename);
    const text = this.#project.htmlFile(name);
    if (text === null) throw new Error(`No HTML file named ${name.replace(/\.html$/, '')} was found.`);
    return text;
  }

  createHtmlOutput(html?: unknown): GoogleAppsScript.HTML.HtmlOutput {
    return this.#output(html === undefined ? '' : String(html));
  }

  createHtmlOutputFromFile(filename: unknown): GoogleAppsScript.HTML.HtmlOutput {
    return this.#output(this.#file(filename));
  }

  createTemplate(html: unknown): GoogleAppsScript.HTML.HtmlTemplate {
    return this.#template(String(html));
  }

  createTemplateFromFile(filename: unknown): GoogleAppsScript.HTML.HtmlTemplate {
    return this.#template(this.#file(filename));
  }

  /**
   * A template accepts any assigned property as a variable, so it cannot use the strict
   * wrapper's set trap; its methods are still counted and unknown `getX`/`setX` calls throw.
   */
  #template(source: string): GoogleAppsScript.HTML.HtmlTemplate {
    const runtime = this.#runtime;
    const vars: Record<string, unknown> = {};
    const code = compileTemplate(source);
    const methods: Record<string, (...args: unknown[]) => unknown> = {
      evaluate: () => this.#output(this.#project.runTemplate(code, { ...vars })),
      getCode: () => code,
      getCodeWithComments: () => code,
      getRawContent: () => source,
    };
    return new Proxy(vars, {
      get(target, property) {
        if (typeof property !== 'string') return undefined;
        const method = methods[property];
        if (TEMPLATE_METHODS.has(property) && method) {
          return (...args: unknown[]) => {
            runtime.countCall('HtmlTemplate', property);
            return method(...args);
          };
        }
        if (property in target) return target[property];
        if (/^(get|set|add|remove|clear)[A-Z]/.test(property))
          throw new Error(`not implemented: HtmlTemplate.${property}`);
        return undefined;
      },
      has(target, property) {
        return (typeof property === 'string' && TEMPLATE_METHODS.has(property)) || property in target;
      },
      set(target, property, value) {
        if (typeof property === 'string') target[property] = value;
        return true;
      },
    }) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
  }
}

export function createHtmlService(runtime: Runtime, project: ProjectView): GoogleAppsScript.HTML.HtmlService {
  return runtime.instrument(
    new HtmlServiceImpl(runtime, project),
    'HtmlService',
  ) as unknown as GoogleAppsScript.HTML.HtmlService;
}
