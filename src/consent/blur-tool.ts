/**
 * The blur tool, under a photo in the extension's frame: staff tick faces ("blur the faces I tick",
 * or "blur every face except those I tick"), the lines of text read in the photo (all ticked at
 * first), and drag across the photo for anything else (a badge, a label). The extension makes a new JPEG with
 * those parts covered and no metadata, and puts it in the composer in place of the original — or,
 * when that cannot be done or staff ask, offers it to save.
 */
import type { PhotoBox } from '../policy/types';
import { base64ToBytes } from '../shared/base64';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';
import { textElement } from './elements';

/** A drag shorter than this (of the photo's size) is a click, not a region. */
const MIN_REGION = 0.02;

interface BlurToolInput {
  photoId: string;
  faces: PhotoBox[];
  /**
   * Every line read in the photo, not only those naming a pupil: x.com holds the original and gets
   * the copy, and copies blurred only where names are would show it which text was a pupil's name.
   */
  lines: { text: string; box: PhotoBox; named: boolean }[];
  /** The photo as drawn, where staff drag to add a region. */
  picture: HTMLElement;
}

let nextTool = 1;

export function blurTool({ photoId, faces, lines, picture }: BlurToolInput): HTMLElement {
  const tool = document.createElement('fieldset');
  tool.className = 'blur-tool';
  const legend = document.createElement('legend');
  legend.textContent = t('blur_heading');
  tool.append(legend);
  const group = `blur-mode-${nextTool++}`;
  // Ticked: blur the faces ticked. Not ticked ("every face except those I tick"): blur the others.
  const ticked = input('radio');
  const except = input('radio');
  ticked.name = except.name = group;
  ticked.checked = true;
  tool.append(labelled(ticked, t('blur_mode_ticked')), labelled(except, t('blur_mode_except')));
  const faceBoxes = faces.map((face, index) => {
    const box = input('checkbox');
    box.dataset.face = String(index + 1);
    tool.append(labelled(box, t('blur_face', index + 1)));
    return { face, box };
  });
  const lineBoxes = lines.map((line) => {
    const box = input('checkbox');
    box.checked = true;
    tool.append(labelled(box, line.named ? t('blur_name', line.text) : t('blur_text', line.text)));
    return { line, box };
  });
  const drawn: PhotoBox[] = [];
  const drawnList = document.createElement('ul');
  drawnList.className = 'drawn';
  tool.append(textElement('p', t('blur_draw_hint')), drawnList);
  listenForRegions(picture, (region) => {
    drawn.push(region);
    showDrawn(picture, drawnList, drawn);
  });

  const status = textElement('p', '');
  status.setAttribute('role', 'status');
  const save = document.createElement('a');
  save.hidden = true;
  save.download = 'photo-blurred.jpg';
  save.textContent = t('blur_save_link');
  const regions = (): PhotoBox[] => [
    ...faceBoxes.filter(({ box }) => box.checked === ticked.checked).map(({ face }) => face),
    ...lineBoxes.filter(({ box }) => box.checked).map(({ line }) => line.box),
    ...drawn,
  ];
  const run = async (into: 'post' | 'save') => {
    const chosen = regions();
    if (chosen.length === 0) {
      status.textContent = t('blur_nothing_chosen');
      return;
    }
    status.textContent = t('blur_working');
    try {
      const { jpeg, replaced } = await sendRequest({ type: 'blur-photo', photoId, regions: chosen, into });
      if (!jpeg) {
        status.textContent = t('consent_photo_gone');
        return;
      }
      URL.revokeObjectURL(save.href);
      save.href = URL.createObjectURL(new Blob([base64ToBytes(jpeg) as BlobPart], { type: 'image/jpeg' }));
      save.hidden = false;
      status.textContent = into === 'save' ? t('blur_saved') : replaced ? t('blur_replaced') : t('blur_not_replaced');
    } catch {
      status.textContent = t('blur_failed');
    }
  };
  const intoPost = button(t('blur_into_post'), () => void run('post'));
  const onlySave = button(t('blur_only_save'), () => void run('save'));
  tool.append(intoPost, onlySave, status, save);
  return tool;
}

/** Dragging across the photo draws a region, in fractions of the photo's size. */
function listenForRegions(picture: HTMLElement, add: (region: PhotoBox) => void): void {
  let start: { x: number; y: number } | null = null;
  const at = (event: PointerEvent) => {
    const rect = picture.getBoundingClientRect();
    return { x: clamp((event.clientX - rect.left) / rect.width), y: clamp((event.clientY - rect.top) / rect.height) };
  };
  picture.addEventListener('pointerdown', (event) => {
    start = at(event);
    picture.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  picture.addEventListener('pointerup', (event) => {
    if (!start) return;
    const end = at(event);
    const region = { x: Math.min(start.x, end.x), y: Math.min(start.y, end.y), width: Math.abs(end.x - start.x), height: Math.abs(end.y - start.y) };
    start = null;
    if (region.width >= MIN_REGION && region.height >= MIN_REGION) add(region);
  });
}

function showDrawn(picture: HTMLElement, list: HTMLElement, drawn: PhotoBox[]): void {
  for (const old of picture.querySelectorAll('.box.drawn')) old.remove();
  list.replaceChildren();
  drawn.forEach((region, index) => {
    const mark = document.createElement('div');
    mark.className = 'box drawn';
    Object.assign(mark.style, { left: `${region.x * 100}%`, top: `${region.y * 100}%`, width: `${region.width * 100}%`, height: `${region.height * 100}%` });
    picture.append(mark);
    const item = document.createElement('li');
    item.append(t('blur_drawn_region', index + 1), ' ', button(t('blur_remove_region'), () => {
      drawn.splice(index, 1);
      showDrawn(picture, list, drawn);
    }));
    list.append(item);
  });
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

function input(type: 'radio' | 'checkbox'): HTMLInputElement {
  const node = document.createElement('input');
  node.type = type;
  return node;
}

function labelled(control: HTMLInputElement, words: string): HTMLLabelElement {
  const label = document.createElement('label');
  label.append(control, ` ${words}`);
  return label;
}

function button(words: string, onClick: () => void): HTMLButtonElement {
  const node = document.createElement('button');
  node.type = 'button';
  node.textContent = words;
  node.addEventListener('click', onClick);
  return node;
}
