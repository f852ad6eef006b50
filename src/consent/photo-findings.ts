/**
 * The attached photos inside the extension's frame, each with a box round every face found and
 * every line of text in which a pupil's name was read, and those lines written out. This is the only place what OCR read
 * is shown: x.com's page gets a message without it.
 */
import type { PhotoBox } from '../policy/types';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';
import { blurTool } from './blur-tool';
import { textElement } from './elements';

export async function photoFindings(photoId: string): Promise<HTMLElement> {
  const figure = document.createElement('figure');
  figure.className = 'photo';
  const view = await sendRequest({ type: 'get-photo-view', photoId });
  if (!view) {
    figure.append(textElement('p', t('consent_photo_gone')));
    return figure;
  }
  const frame = document.createElement('div');
  frame.className = 'picture';
  const image = document.createElement('img');
  image.src = view.image;
  image.alt = t('consent_photo_title');
  frame.append(image);
  const named = view.text.filter((_line, index) => view.nameLines[index]);
  for (const line of named) frame.append(outline(line.box, 'name'));
  view.faces.forEach((face, index) => {
    const mark = outline(face, 'face');
    // Numbered as the blur tool's ticks are.
    mark.append(textElement('span', String(index + 1)));
    frame.append(mark);
  });
  figure.append(frame);
  const names = named.length > 0 ? t('consent_photo_names_found', named.map((line) => `“${line.text}”`).join(', ')) : t('consent_photo_no_names');
  const faces = view.faces.length === 0 ? t('consent_photo_no_faces') : view.faces.length === 1 ? t('consent_photo_one_face') : t('consent_photo_faces', view.faces.length);
  const caption = document.createElement('figcaption');
  caption.append(textElement('p', faces), textElement('p', names));
  figure.append(caption);
  const lines = view.text.map((line, index) => ({ ...line, named: view.nameLines[index] === true }));
  if (view.faces.length > 0 || lines.length > 0) figure.append(blurTool({ photoId, faces: view.faces, lines, picture: frame }));
  return figure;
}

function outline(box: PhotoBox, kind: string): HTMLElement {
  const mark = document.createElement('div');
  mark.className = `box ${kind}`;
  Object.assign(mark.style, { left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.width * 100}%`, height: `${box.height * 100}%` });
  return mark;
}
