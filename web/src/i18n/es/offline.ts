import type { offline as en } from '../en/offline';

export const offline: typeof en = {
  offline: {
    queued: 'Guardado en este dispositivo. Se enviará cuando vuelvas a tener conexión.',
    waiting_one: '{{count}} cambio pendiente',
    waiting_other: '{{count}} cambios pendientes',
    refused_one: '{{count}} cambio rechazado',
    refused_other: '{{count}} cambios rechazados',
    listTitle: 'Cambios aún sin enviar',
    listHint: 'Guardados en este dispositivo; se envían en orden en cuanto vuelve la conexión.',
    offlineNow: 'Estás sin conexión.',
    sendNow: 'Enviar ahora',
    discard: 'Descartar',
    waitingToSend: 'Pendiente de envío',
    refusedTitle: 'El servidor rechazó un cambio hecho sin conexión',
    refusedReason: 'Rechazado: {{reason}}',
    labels: {
      capture: 'Conocido en un evento',
      touch: 'Contacto registrado',
      contact: 'Contacto nuevo',
      followupDone: 'Seguimiento hecho',
    },
    updateTitle: 'Hay una versión nueva de Círculo',
    updateBody: 'Recarga para usarla. Los cambios pendientes de envío se quedan en este dispositivo.',
    reload: 'Recargar',
  },
};
